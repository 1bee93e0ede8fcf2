import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { graphqlError, mockClient } from '../test/mockClient';
import { renderWithProviders } from '../test/render';
import { ApiKeysPage } from './ApiKeysPage';

const SECRET = 'rf_live_3f9c2a1b7d4e8f60a5b1c2d3e4f5a6b7';

const admin = { me: { __typename: 'User', id: 'u-admin', role: 'ADMIN' } };
const recruiter = { me: { __typename: 'User', id: 'u-jane', role: 'RECRUITER' } };

function apiKey(overrides: Partial<Record<string, unknown>> = {}) {
  return {
    __typename: 'ApiKey',
    id: 'key-1',
    name: 'Workday integration',
    prefix: 'rf_live_3f9c',
    createdAt: '2026-11-20T09:30:00Z',
    createdBy: { __typename: 'User', id: 'u-admin', name: 'Alex Admin' },
    lastUsedAt: null,
    revokedAt: null,
    active: true,
    ...overrides,
  };
}

const renderPage = (client: ReturnType<typeof mockClient>['client']) =>
  renderWithProviders(<ApiKeysPage />, { client, route: '/settings/api-keys', path: '/settings/api-keys' });

describe('ApiKeysPage for admins', () => {
  it('lists the keys with their status', () => {
    const { client } = mockClient({
      ApiKeysPageMe: { data: admin },
      ApiKeys: {
        data: {
          apiKeys: [
            apiKey(),
            apiKey({ id: 'key-2', name: 'Old career site', prefix: 'rf_live_0a1b', active: false, revokedAt: '2026-11-21T10:00:00Z', lastUsedAt: '2026-11-21T09:00:00Z' }),
          ],
        },
      },
    });
    renderPage(client);

    const table = screen.getByRole('table', { name: 'API keys' });
    const active = within(table).getByTestId('api-key-row-key-1');
    expect(active).toHaveTextContent('Workday integration');
    expect(active).toHaveTextContent('rf_live_3f9c…');
    expect(active).toHaveTextContent('Alex Admin');
    expect(active).toHaveTextContent('Never');
    expect(active).toHaveTextContent('Active');
    const revoked = within(table).getByTestId('api-key-row-key-2');
    expect(revoked).toHaveTextContent('Revoked');
    expect(within(revoked).queryByRole('button', { name: /revoke/i })).not.toBeInTheDocument();
  });

  it('shows an empty state when there are no keys', () => {
    const { client } = mockClient({ ApiKeysPageMe: { data: admin }, ApiKeys: { data: { apiKeys: [] } } });
    renderPage(client);
    expect(screen.getByText('No API keys yet')).toBeInTheDocument();
  });

  it('creates a key and shows its secret once', async () => {
    const { client, executeMutation } = mockClient({
      ApiKeysPageMe: { data: admin },
      ApiKeys: { data: { apiKeys: [] } },
      CreateApiKey: (variables) => ({
        data: {
          createApiKey: {
            __typename: 'CreatedApiKey',
            secret: SECRET,
            apiKey: apiKey({ name: (variables.input as { name: string }).name }),
          },
        },
      }),
    });
    const user = userEvent.setup();
    renderPage(client);

    await user.click(screen.getByRole('button', { name: 'New API key' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/name/i), '  Greenhouse sync  {Enter}');

    expect(await within(dialog).findByTestId('api-key-secret')).toHaveTextContent(SECRET);
    expect(within(dialog).getByText('This key will not be shown again')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Copy key' })).toBeInTheDocument();
    expect(executeMutation).toHaveBeenCalledTimes(1);
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({ input: { name: 'Greenhouse sync' } });

    await user.click(within(dialog).getByRole('button', { name: 'I have copied the key' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByText(SECRET)).not.toBeInTheDocument();

    // Opening the form again starts blank: the secret is gone for good.
    await user.click(screen.getByRole('button', { name: 'New API key' }));
    const again = await screen.findByRole('dialog');
    expect(within(again).queryByTestId('api-key-secret')).not.toBeInTheDocument();
    expect(within(again).getByLabelText(/name/i)).toHaveValue('');
  });

  it('validates the name before calling the server', async () => {
    const { client, executeMutation } = mockClient({ ApiKeysPageMe: { data: admin }, ApiKeys: { data: { apiKeys: [] } } });
    const user = userEvent.setup();
    renderPage(client);

    await user.click(screen.getByRole('button', { name: 'New API key' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(within(dialog).getByText(/give the key a name/i)).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText(/name/i), 'x'.repeat(81));
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(within(dialog).getByText(/at most 80 characters/i)).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('shows the server message when creating fails', async () => {
    const { client } = mockClient({
      ApiKeysPageMe: { data: admin },
      ApiKeys: { data: { apiKeys: [] } },
      CreateApiKey: { error: graphqlError("An API key named 'Workday' already exists.", 'BAD_REQUEST') },
    });
    const user = userEvent.setup();
    renderPage(client);
    await user.click(screen.getByRole('button', { name: 'New API key' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/name/i), 'Workday{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent("An API key named 'Workday' already exists.");
    expect(within(dialog).queryByTestId('api-key-secret')).not.toBeInTheDocument();
  });

  it('asks for confirmation before revoking', async () => {
    const { client, executeMutation } = mockClient({
      ApiKeysPageMe: { data: admin },
      ApiKeys: { data: { apiKeys: [apiKey()] } },
      RevokeApiKey: (variables) => ({
        data: { revokeApiKey: apiKey({ id: variables.id, active: false, revokedAt: '2026-11-28T04:00:00Z' }) },
      }),
    });
    const user = userEvent.setup();
    renderPage(client);

    await user.click(screen.getByRole('button', { name: 'Revoke Workday integration' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Revoke “Workday integration”?');
    expect(dialog).toHaveTextContent('rf_live_3f9c');
    expect(executeMutation).not.toHaveBeenCalled();

    // Cancelling changes nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(executeMutation).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Revoke Workday integration' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(1));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({ id: 'key-1' });
    expect(await screen.findByText('API key revoked')).toBeInTheDocument();
  });
});

describe('ApiKeysPage for recruiters', () => {
  it('explains that only admins manage keys and never asks for them', () => {
    const { client, executed } = mockClient({ ApiKeysPageMe: { data: recruiter } });
    renderPage(client);

    expect(screen.getByTestId('api-keys-admin-only')).toHaveTextContent('Only account admins can manage API keys');
    expect(screen.queryByRole('button', { name: 'New API key' })).not.toBeInTheDocument();
    expect(executed()).toEqual(['ApiKeysPageMe']);
  });

  it('shows the same note if the server answers FORBIDDEN', () => {
    const { client } = mockClient({
      ApiKeysPageMe: { data: admin },
      ApiKeys: { error: graphqlError('Only account admins can manage API keys.', 'FORBIDDEN') },
    });
    renderPage(client);
    expect(screen.getByTestId('api-keys-admin-only')).toBeInTheDocument();
  });

  it('shows other errors with a retry', () => {
    const { client } = mockClient({
      ApiKeysPageMe: { data: admin },
      ApiKeys: { error: graphqlError('Query too complex: cost 1200 exceeds the limit of 1000.', 'BAD_REQUEST') },
    });
    renderPage(client);
    expect(screen.getByRole('alert')).toHaveTextContent('Query too complex: cost 1200 exceeds the limit of 1000.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
