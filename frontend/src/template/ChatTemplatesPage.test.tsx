import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { GraphQLRequest, OperationContext } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { graphqlError, mockClient } from '../test/mockClient';
import { renderWithProviders } from '../test/render';
import { ChatTemplatesPage } from './ChatTemplatesPage';

// Mantine's modals make these tests slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

function template(overrides: Partial<Record<string, unknown>> = {}) {
  return {
    __typename: 'ChatTemplate',
    id: 't-1',
    name: 'Thanks for registering',
    body: '\nHi {{candidate.firstName}}, thanks for registering!\nSecond line',
    usedByWorkflows: ['Graduate registration follow-up'],
    measure: { __typename: 'SmsMeasure', encoding: 'GSM_7', characters: 180, segments: 2, credits: 2 },
    ...overrides,
  };
}

const templates = {
  chatTemplates: [
    template(),
    template({
      id: 't-2',
      name: 'Open day',
      body: 'Let’s meet at the open day 🎓',
      usedByWorkflows: [],
      measure: { __typename: 'SmsMeasure', encoding: 'UCS_2', characters: 19, segments: 1, credits: 1 },
    }),
  ],
};

const renderPage = (c: ReturnType<typeof mockClient>['client']) =>
  renderWithProviders(<ChatTemplatesPage />, { client: c, route: '/templates', path: '/templates' });

describe('ChatTemplatesPage', () => {
  it('lists templates with first line, size and the workflows using them', () => {
    const { client } = mockClient({ ChatTemplates: { data: templates } });
    renderPage(client);

    const first = screen.getByTestId('template-row-t-1');
    expect(within(first).getByRole('link', { name: 'Thanks for registering' })).toHaveAttribute('href', '/templates/t-1');
    expect(first).toHaveTextContent('Hi {{candidate.firstName}}, thanks for registering!');
    expect(first).not.toHaveTextContent('Second line');
    expect(first).toHaveTextContent('2 segments · 2 credits');
    expect(first).toHaveTextContent('1 workflow');

    const second = screen.getByTestId('template-row-t-2');
    expect(second).toHaveTextContent('1 segment · 1 credit');
    expect(second).toHaveTextContent('UCS-2');
    expect(second).toHaveTextContent('No workflows');
  });

  it('asks before deleting and deletes on confirm', async () => {
    const { client, executeMutation } = mockClient({
      ChatTemplates: { data: templates },
      DeleteChatTemplate: (variables) => ({ data: { deleteChatTemplate: variables.id } }),
    });
    const user = userEvent.setup();
    renderPage(client);

    await user.click(screen.getByRole('button', { name: 'Delete Open day' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Delete “Open day”?');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(executeMutation).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Delete Open day' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete template' }));
    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(1));
    const [request, context] = executeMutation.mock.calls[0] as unknown as [GraphQLRequest, Partial<OperationContext>];
    expect(request.variables).toEqual({ id: 't-2' });
    expect(context).toMatchObject({ additionalTypenames: ['ChatTemplate'] });
    expect(await screen.findByText('Template deleted')).toBeInTheDocument();
  });

  it("warns that a used template cannot go, and shows the server's refusal naming the workflows", async () => {
    const refusal =
      'The chat template “Thanks for registering” is used by the workflow “Graduate registration follow-up”. Remove it from that workflow\'s steps first.';
    const { client } = mockClient({
      ChatTemplates: { data: templates },
      DeleteChatTemplate: { error: graphqlError(refusal, 'BAD_REQUEST') },
    });
    const user = userEvent.setup();
    renderPage(client);

    await user.click(screen.getByRole('button', { name: 'Delete Thanks for registering' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('It is used by “Graduate registration follow-up”');
    await user.click(within(dialog).getByRole('button', { name: 'Delete template' }));
    expect(await screen.findByText('The template was not deleted')).toBeInTheDocument();
    expect(screen.getByText(refusal)).toBeInTheDocument();
  });

  it('shows an empty state, a skeleton and errors', () => {
    const empty = mockClient({ ChatTemplates: { data: { chatTemplates: [] } } });
    const first = renderPage(empty.client);
    expect(screen.getByText('No chat templates yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Write your first template' })).toHaveAttribute('href', '/templates/new');
    first.unmount();

    const pending = mockClient({ ChatTemplates: 'pending' });
    const second = renderPage(pending.client);
    expect(screen.getByLabelText('Loading chat templates')).toBeInTheDocument();
    second.unmount();

    const failing = mockClient({ ChatTemplates: { error: graphqlError('Something broke.', 'INTERNAL_ERROR') } });
    renderPage(failing.client);
    expect(screen.getByRole('alert')).toHaveTextContent('Something broke.');
  });
});
