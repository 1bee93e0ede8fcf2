import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { graphqlError, mockClient } from '../test/mockClient';
import { renderWithProviders } from '../test/render';
import { WorkflowPage } from './WorkflowPage';

// Mantine's comboboxes and modals make these tests slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

function chatStep(overrides: Partial<Record<string, unknown>> = {}) {
  return {
    __typename: 'WorkflowStep',
    id: 'step-1',
    kind: 'CHAT_MESSAGE',
    position: 0,
    senderNumber: '+61480000001',
    fromName: 'Jane Doe',
    waitMinutes: null,
    valid: true,
    problem: null,
    sender: { __typename: 'User', id: 'u-jane', name: 'Jane Doe' },
    chatTemplate: { __typename: 'ChatTemplate', id: 't-1', name: 'Thanks for registering', body: 'Hi {{candidate.firstName}}, thanks!\nMore' },
    ...overrides,
  };
}

const workflow = {
  __typename: 'Workflow',
  id: 'wf-1',
  name: 'Register interest',
  status: 'ACTIVE',
  triggerSummary: 'CTA “Register interest” on Graduate Program 2027',
  valid: false,
  version: 6,
  reentryMinimumMinutes: 10080,
  criteria: [{ __typename: 'Criterion', field: 'atsStatus', operator: 'IN', values: ['New', 'Screening'] }],
  steps: [
    chatStep(),
    { ...chatStep({ id: 'step-2', kind: 'WAIT', position: 1, waitMinutes: 1440, sender: null, chatTemplate: null, senderNumber: null, fromName: null }) },
    chatStep({
      id: 'step-3',
      position: 2,
      valid: false,
      problem: 'The sender Sam Taylor is inactive; choose an active sender.',
      sender: { __typename: 'User', id: 'u-sam', name: 'Sam Taylor' },
      senderNumber: '+61480000000',
      fromName: 'Acme Talent',
    }),
  ],
};

const criteriaFields = [{ __typename: 'CriteriaField', field: 'atsStatus', label: 'ATS status' }];

const renderPage = (client: ReturnType<typeof mockClient>['client']) =>
  renderWithProviders(<WorkflowPage />, { client, route: '/workflows/wf-1', path: '/workflows/:id' });

describe('WorkflowPage', () => {
  it('shows the header, trigger, criteria and numbered steps', () => {
    const { client } = mockClient({ WorkflowPage: { data: { workflow, criteriaFields } } });
    renderPage(client);

    expect(screen.getByRole('heading', { name: 'Register interest' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Active' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pause Register interest' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute('href', '/workflows/wf-1/edit');
    expect(screen.getByRole('link', { name: 'History' })).toHaveAttribute('href', '/workflows/wf-1/history');
    expect(screen.getByRole('link', { name: 'New step' })).toHaveAttribute('href', '/workflows/wf-1/steps/new');
    expect(screen.getByTestId('workflow-trigger')).toHaveTextContent('CTA “Register interest” on Graduate Program 2027');
    expect(screen.getByText('ATS status is one of New, Screening')).toBeInTheDocument();
    expect(screen.getByText('7 days for one candidate')).toBeInTheDocument();

    const first = screen.getByTestId('step-1');
    expect(first).toHaveTextContent('Chat Message');
    expect(first).toHaveTextContent('Sent as Jane Doe');
    expect(first).toHaveTextContent('+61480000001 · From: Jane Doe');
    expect(first).toHaveTextContent('Thanks for registering: Hi {{candidate.firstName}}, thanks!');
    expect(first).not.toHaveTextContent('More');
    expect(screen.getByTestId('step-2')).toHaveTextContent('Wait 1 day before the next step');

    const broken = screen.getByTestId('step-3');
    expect(within(broken).getByTestId('step-problem')).toHaveTextContent('The sender Sam Taylor is inactive; choose an active sender.');
    expect(screen.getByText('A step cannot run')).toBeInTheDocument();

    expect(within(first).getByRole('button', { name: 'Move step 1 up' })).toBeDisabled();
    expect(within(broken).getByRole('button', { name: 'Move step 3 down' })).toBeDisabled();
    expect(within(first).getByRole('link', { name: 'Edit step 1' })).toHaveAttribute('href', '/workflows/wf-1/steps/step-1');
  });

  it('moves a step with moveWorkflowStep and the version it was shown at', async () => {
    const { client, executeMutation } = mockClient({
      WorkflowPage: { data: { workflow, criteriaFields } },
      MoveWorkflowStep: { data: { moveWorkflowStep: { __typename: 'Workflow', id: 'wf-1', version: 7, stepCount: 3 } } },
    });
    const user = userEvent.setup();
    renderPage(client);

    await user.click(screen.getByRole('button', { name: 'Move step 1 down' }));
    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(1));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({ workflowId: 'wf-1', stepId: 'step-1', position: 1, expectedVersion: 6 });

    await user.click(screen.getByRole('button', { name: 'Move step 3 up' }));
    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(2));
    expect(executeMutation.mock.calls[1]![0].variables).toEqual({ workflowId: 'wf-1', stepId: 'step-3', position: 1, expectedVersion: 6 });
  });

  it('asks before removing a step', async () => {
    const { client, executeMutation } = mockClient({
      WorkflowPage: { data: { workflow, criteriaFields } },
      RemoveWorkflowStep: { data: { removeWorkflowStep: { __typename: 'Workflow', id: 'wf-1', version: 7, stepCount: 2 } } },
    });
    const user = userEvent.setup();
    renderPage(client);

    await user.click(screen.getByRole('button', { name: 'Remove step 1' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Remove step 1?');
    expect(dialog).toHaveTextContent('“Thanks for registering” will no longer be sent');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(executeMutation).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Remove step 1' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove step' }));
    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(1));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({ workflowId: 'wf-1', stepId: 'step-1' });
    expect(await screen.findByText('Step removed')).toBeInTheDocument();
  });

  it('offers to add the first step when there are none', () => {
    const { client } = mockClient({ WorkflowPage: { data: { workflow: { ...workflow, valid: true, steps: [] }, criteriaFields } } });
    renderPage(client);
    expect(screen.getByText('No steps yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add the first step' })).toHaveAttribute('href', '/workflows/wf-1/steps/new');
    expect(screen.queryByText('A step cannot run')).not.toBeInTheDocument();
  });

  it('says when the workflow does not exist', () => {
    const { client } = mockClient({ WorkflowPage: { error: graphqlError("Workflow 'wf-1' was not found.", 'NOT_FOUND') } });
    renderPage(client);
    expect(screen.getByText('Workflow not found')).toBeInTheDocument();
  });
});
