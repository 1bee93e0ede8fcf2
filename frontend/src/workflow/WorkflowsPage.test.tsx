import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { GraphQLRequest, OperationContext } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { graphqlError, mockClient } from '../test/mockClient';
import { renderWithProviders } from '../test/render';
import { WorkflowsPage } from './WorkflowsPage';

// Mantine's comboboxes and modals make these tests slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

function workflow(overrides: Partial<Record<string, unknown>> = {}) {
  return {
    __typename: 'Workflow',
    id: 'wf-1',
    name: 'Graduate registration follow-up',
    status: 'ACTIVE',
    triggerSummary: 'CTA “Register interest” on Graduate Program 2027',
    stepCount: 2,
    valid: true,
    ...overrides,
  };
}

const twoWorkflows = {
  workflows: [
    workflow(),
    workflow({ id: 'wf-2', name: 'Interview invitation', status: 'PAUSED', triggerSummary: 'ATS status changes from Screening to Interview', stepCount: 1 }),
  ],
};

const renderPage = (client: ReturnType<typeof mockClient>['client'], route = '/workflows') =>
  renderWithProviders(<WorkflowsPage />, { client, route, path: '/workflows' });

describe('WorkflowsPage', () => {
  it('lists workflows with a green or grey status dot, trigger and step count', () => {
    const { client } = mockClient({ Workflows: { data: twoWorkflows } });
    renderPage(client);

    const active = screen.getByTestId('workflow-row-wf-1');
    expect(within(active).getByRole('img', { name: 'Active' })).toHaveAttribute('data-status', 'ACTIVE');
    expect(within(active).getByRole('link', { name: 'Graduate registration follow-up' })).toHaveAttribute('href', '/workflows/wf-1');
    expect(active).toHaveTextContent('CTA “Register interest” on Graduate Program 2027');
    expect(active).toHaveTextContent('2');
    expect(within(active).getByRole('button', { name: 'Pause Graduate registration follow-up' })).toBeInTheDocument();

    const paused = screen.getByTestId('workflow-row-wf-2');
    expect(within(paused).getByRole('img', { name: 'Paused' })).toHaveAttribute('data-status', 'PAUSED');
    expect(within(paused).getByRole('button', { name: 'Start Interview invitation' })).toBeInTheDocument();
  });

  it('pauses an active workflow at once with pauseWorkflow', async () => {
    const { client, executeMutation } = mockClient({
      Workflows: { data: twoWorkflows },
      PauseWorkflow: (variables) => ({ data: { pauseWorkflow: { __typename: 'Workflow', id: variables.id, status: 'PAUSED', version: 3 } } }),
    });
    const user = userEvent.setup();
    renderPage(client);

    const row = screen.getByTestId('workflow-row-wf-1');
    await user.click(within(row).getByRole('button', { name: 'Pause Graduate registration follow-up' }));

    expect(executeMutation).toHaveBeenCalledTimes(1);
    const [request] = executeMutation.mock.calls[0]!;
    expect(request.variables).toEqual({ id: 'wf-1' });
    expect(request.query.definitions[0]).toMatchObject({ name: { value: 'PauseWorkflow' } });
    expect(within(row).getByRole('img', { name: 'Paused' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Start Graduate registration follow-up' })).toBeInTheDocument();
    expect(await screen.findByText('Paused “Graduate registration follow-up”')).toBeInTheDocument();
  });

  it('starts a paused workflow with resumeWorkflow', async () => {
    const { client, executeMutation } = mockClient({
      Workflows: { data: twoWorkflows },
      ResumeWorkflow: (variables) => ({ data: { resumeWorkflow: { __typename: 'Workflow', id: variables.id, status: 'ACTIVE', version: 4 } } }),
    });
    const user = userEvent.setup();
    renderPage(client);

    const row = screen.getByTestId('workflow-row-wf-2');
    await user.click(within(row).getByRole('button', { name: 'Start Interview invitation' }));

    const [request] = executeMutation.mock.calls[0]!;
    expect(request.query.definitions[0]).toMatchObject({ name: { value: 'ResumeWorkflow' } });
    expect(request.variables).toEqual({ id: 'wf-2' });
    expect(within(row).getByRole('img', { name: 'Active' })).toBeInTheDocument();
  });

  it('puts the dot back and says why when pausing is refused', async () => {
    const { client } = mockClient({
      Workflows: { data: twoWorkflows },
      PauseWorkflow: { error: graphqlError("Workflow 'wf-1' was not found.", 'NOT_FOUND') },
    });
    const user = userEvent.setup();
    renderPage(client);

    const row = screen.getByTestId('workflow-row-wf-1');
    await user.click(within(row).getByRole('button', { name: /^Pause/ }));
    expect(await screen.findByText('The workflow was not paused')).toBeInTheDocument();
    expect(screen.getByText("Workflow 'wf-1' was not found.")).toBeInTheDocument();
    expect(within(row).getByRole('img', { name: 'Active' })).toBeInTheDocument();
  });

  it('asks before deleting, says the history is kept, and deletes on confirm', async () => {
    const { client, executeMutation } = mockClient({
      Workflows: { data: twoWorkflows },
      DeleteWorkflow: (variables) => ({ data: { deleteWorkflow: variables.id } }),
    });
    const user = userEvent.setup();
    renderPage(client);

    const row = screen.getByTestId('workflow-row-wf-2');
    await user.click(within(row).getByRole('button', { name: 'More actions for Interview invitation' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Delete “Interview invitation”?');
    expect(dialog).toHaveTextContent('history is kept');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(executeMutation).not.toHaveBeenCalled();

    await user.click(within(row).getByRole('button', { name: 'More actions for Interview invitation' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete workflow' }));
    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(1));
    const [request, context] = executeMutation.mock.calls[0] as unknown as [GraphQLRequest, Partial<OperationContext>];
    expect(request.variables).toEqual({ id: 'wf-2' });
    expect(context).toMatchObject({ additionalTypenames: ['Workflow'] });
    expect(await screen.findByText('Workflow deleted')).toBeInTheDocument();
  });

  it('copies a workflow from the row menu', async () => {
    const { client, executeMutation } = mockClient({
      Workflows: { data: twoWorkflows },
      CopyWorkflow: { data: { copyWorkflow: { __typename: 'Workflow', id: 'wf-3', name: 'Copy of Interview invitation', status: 'PAUSED' } } },
    });
    const user = userEvent.setup();
    renderPage(client);
    await user.click(screen.getByRole('button', { name: 'More actions for Interview invitation' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Copy' }));
    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(1));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({ id: 'wf-2' });
    expect(await screen.findByText(/“Copy of Interview invitation” is paused/)).toBeInTheDocument();
  });

  it('asks the server for the chosen status and the debounced search', async () => {
    const { client, executeQuery } = mockClient({ Workflows: { data: twoWorkflows } });
    const user = userEvent.setup();
    renderPage(client);
    expect(executeQuery.mock.calls.at(-1)![0].variables).toEqual({ status: null, search: null });

    await user.click(screen.getByRole('radio', { name: 'Paused' }));
    await waitFor(() => expect(executeQuery.mock.calls.at(-1)![0].variables).toEqual({ status: 'PAUSED', search: null }));

    await user.type(screen.getByRole('textbox', { name: 'Search workflows by name' }), 'interview');
    // Not one request per keystroke: only the settled text is sent.
    await waitFor(() => expect(executeQuery.mock.calls.at(-1)![0].variables).toEqual({ status: 'PAUSED', search: 'interview' }));
    const searches = executeQuery.mock.calls.map(([r]) => (r.variables as { search: string | null }).search);
    expect(searches).not.toContain('i');
    expect(searches).not.toContain('inter');
  });

  it('offers to create the first workflow when there are none', () => {
    const { client } = mockClient({ Workflows: { data: { workflows: [] } } });
    renderPage(client);
    expect(screen.getByText('No workflows yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create your first workflow' })).toHaveAttribute('href', '/workflows/new');
    expect(screen.getByRole('link', { name: 'New' })).toHaveAttribute('href', '/workflows/new');
  });

  it('says when nothing matches the filter', () => {
    const { client } = mockClient({ Workflows: { data: { workflows: [] } } });
    renderPage(client, '/workflows?status=paused');
    expect(screen.getByText('No workflows match')).toBeInTheDocument();
    expect(screen.getByText('No workflow is paused right now.')).toBeInTheDocument();
  });

  it('shows a skeleton while loading and the server message on failure', () => {
    const pending = mockClient({ Workflows: 'pending' });
    const { unmount } = renderPage(pending.client);
    expect(screen.getByLabelText('Loading workflows')).toBeInTheDocument();
    unmount();

    const failing = mockClient({ Workflows: { error: graphqlError('Query too complex.', 'BAD_REQUEST') } });
    renderPage(failing.client);
    expect(screen.getByRole('alert')).toHaveTextContent('Query too complex.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
