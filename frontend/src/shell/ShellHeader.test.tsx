import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../auth/token';
import { jwtExpiringIn } from '../test/jwt';
import { graphqlError, mockClient } from '../test/mockClient';
import { renderWithProviders } from '../test/render';
import { ShellHeader } from './ShellHeader';

const shellData = (overrides: { sandbox?: boolean; credits?: number } = {}) => ({
  me: { __typename: 'User', id: 'u-jane', name: 'Jane Recruiter', email: 'jane@acme.test', role: 'RECRUITER' },
  account: {
    __typename: 'Account',
    id: 'acc-acme',
    name: 'Acme Talent',
    credits: overrides.credits ?? 500,
    sandbox: overrides.sandbox ?? true,
  },
});

const renderHeader = (client: ReturnType<typeof mockClient>['client']) =>
  renderWithProviders(<ShellHeader navOpened={false} onToggleNav={() => {}} />, { client, route: '/workflows', path: '/workflows' });

describe('ShellHeader', () => {
  it('shows the account name and credit balance from the API', () => {
    const { client, executed } = mockClient({ ShellHeader: { data: shellData() } });
    renderHeader(client);

    expect(screen.getByTestId('account-name')).toHaveTextContent('Acme Talent');
    expect(screen.getByTestId('credit-balance')).toHaveTextContent('500 credits');
    expect(executed()).toEqual(['ShellHeader']);
  });

  it('formats large and singular balances', () => {
    const { client } = mockClient({ ShellHeader: { data: shellData({ credits: 12_345 }) } });
    renderHeader(client);
    expect(screen.getByTestId('credit-balance')).toHaveTextContent('12,345 credits');
  });

  it('shows the Sandbox badge only while the account is in sandbox mode', () => {
    const sandbox = mockClient({ ShellHeader: { data: shellData({ sandbox: true }) } });
    const { unmount } = renderHeader(sandbox.client);
    expect(screen.getByTestId('sandbox-badge')).toHaveTextContent('Sandbox');
    expect(screen.getByTestId('sandbox-badge')).toHaveAccessibleName(/recorded, not sent/);
    unmount();

    const live = mockClient({ ShellHeader: { data: shellData({ sandbox: false }) } });
    renderHeader(live.client);
    expect(screen.queryByTestId('sandbox-badge')).not.toBeInTheDocument();
  });

  it('has a user menu with email, role and sign-out', async () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, jwtExpiringIn(3600));
    const { client } = mockClient({ ShellHeader: { data: shellData() } });
    const user = userEvent.setup();
    renderHeader(client);

    await user.click(screen.getByRole('button', { name: /account menu for jane recruiter/i }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByTestId('user-email')).toHaveTextContent('jane@acme.test');
    expect(within(menu).getByTestId('user-role')).toHaveTextContent('Recruiter');

    await user.click(within(menu).getByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByText('Stand-in for /login')).toBeInTheDocument();
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('shows skeletons while loading and a warning if the account cannot be read', () => {
    const pending = mockClient({ ShellHeader: 'pending' });
    const { unmount } = renderHeader(pending.client);
    expect(screen.getByLabelText('Loading account')).toBeInTheDocument();
    unmount();

    const failing = mockClient({ ShellHeader: { error: graphqlError('Account not found', 'NOT_FOUND') } });
    renderHeader(failing.client);
    expect(screen.getByLabelText('Account details unavailable')).toBeInTheDocument();
  });
});
