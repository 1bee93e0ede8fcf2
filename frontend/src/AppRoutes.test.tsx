import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from './AppRoutes';
import { AuthProvider } from './auth/AuthProvider';
import { TOKEN_STORAGE_KEY } from './auth/token';
import { jwtExpiringIn } from './test/jwt';
import { mockClient } from './test/mockClient';
import { theme } from './theme';

const { client } = mockClient({
  ShellHeader: {
    data: {
      me: { __typename: 'User', id: 'u', name: 'Jane Recruiter', email: 'jane@acme.test', role: 'RECRUITER' },
      account: { __typename: 'Account', id: 'a', name: 'Acme Talent', credits: 500, sandbox: false },
    },
  },
  Workflows: { data: { workflows: [] } },
});

function renderApp(route: string) {
  return render(
    <MantineProvider theme={theme} env="test">
      <MemoryRouter initialEntries={[route]}>
        <AuthProvider>
          <Provider value={client}>
            <ModalsProvider>
              <AppRoutes />
            </ModalsProvider>
          </Provider>
        </AuthProvider>
      </MemoryRouter>
    </MantineProvider>,
  );
}

describe('routes', () => {
  it('sends signed-out visitors to the sign-in page', () => {
    renderApp('/settings/numbers');
    expect(screen.getByRole('heading', { name: 'Sign in to RecruitFlow' })).toBeInTheDocument();
  });

  it('opens Workflows at / with the side menu', () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, jwtExpiringIn(3600));
    renderApp('/');
    expect(screen.getByRole('heading', { name: 'Workflows' })).toBeInTheDocument();
    expect(screen.getByText('No workflows yet')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    for (const label of ['Workflows', 'Chat templates', 'Inbox', 'Candidates', 'SMS numbers & credits', 'API keys']) {
      expect(nav).toHaveTextContent(label);
    }
    expect(screen.getByRole('link', { name: 'Workflows' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('credit-balance')).toHaveTextContent('500 credits');
  });

  it('shows a not-found page for unknown paths', () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, jwtExpiringIn(3600));
    renderApp('/no/such/page');
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
  });

  it('sends a signed-in user away from the sign-in page', () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, jwtExpiringIn(3600));
    renderApp('/login');
    expect(screen.getByRole('heading', { name: 'Workflows' })).toBeInTheDocument();
  });
});
