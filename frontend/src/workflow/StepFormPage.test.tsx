import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockClient } from '../test/mockClient';
import { renderWithProviders } from '../test/render';
import { StepFormPage } from './StepFormPage';

// Mantine's comboboxes and modals make these tests slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

const options = {
  workflow: {
    __typename: 'Workflow',
    id: 'wf-1',
    name: 'Register interest',
    version: 4,
    steps: [
      { __typename: 'WorkflowStep', id: 'step-wait', kind: 'WAIT', waitMinutes: 120, sender: null, chatTemplate: null },
    ],
  },
  me: { __typename: 'User', id: 'u-sam' },
  senders: [
    { __typename: 'User', id: 'u-jane', name: 'Jane Doe', smsNumber: '+61480000001', senderNumber: '+61480000001', fromName: 'Jane Doe' },
    { __typename: 'User', id: 'u-sam', name: 'Sam Taylor', smsNumber: null, senderNumber: '+61480000000', fromName: 'Acme Talent' },
  ],
  chatTemplates: [
    { __typename: 'ChatTemplate', id: 't-thanks', name: 'Thanks for registering', body: 'Hi {{candidate.firstName}}, thanks for registering!\nSecond line' },
  ],
};

const preview = (senderUserId: string) => ({
  __typename: 'MessagePreview',
  text: 'Hi Alex, thanks for registering! Reply STOP to opt out.',
  encoding: 'GSM_7',
  characters: 56,
  segments: 1,
  credits: 1,
  senderNumber: senderUserId === 'u-jane' ? '+61480000001' : '+61480000000',
  fromName: senderUserId === 'u-jane' ? 'Jane Doe' : 'Acme Talent',
  candidateName: 'Alex Sample',
});

describe('New workflow step', () => {
  const renderNew = (client: ReturnType<typeof mockClient>['client']) =>
    renderWithProviders(<StepFormPage />, { client, route: '/workflows/wf-1/steps/new', path: '/workflows/:id/steps/new' });

  it('shows each sender with the number and From name the candidate will see', async () => {
    const { client } = mockClient({ StepFormOptions: { data: options } });
    const user = userEvent.setup();
    renderNew(client);

    expect(screen.getByRole('textbox', { name: /What kind of workflow step would you like\?/ })).toHaveValue('Chat Message');
    // The signed-in user is the default sender.
    const sender = screen.getByRole('textbox', { name: /Who is the sender\?/ });
    expect(sender).toHaveValue('Sam Taylor — +61480000000 (company number) · From: Acme Talent');

    await user.click(sender);
    const jane = await screen.findByRole('option', { name: /Jane Doe/ });
    expect(jane).toHaveTextContent('+61480000001 · From: Jane Doe');
    const sam = screen.getByRole('option', { name: /Sam Taylor/ });
    expect(sam).toHaveTextContent('+61480000000 (company number) · From: Acme Talent');
    await user.click(jane);

    expect(sender).toHaveValue('Jane Doe — +61480000001 · From: Jane Doe');
    expect(screen.getByTestId('sender-sees')).toHaveTextContent('The candidate will see +61480000001 and From: Jane Doe.');
  });

  it('previews the chosen template from the chosen sender, then adds the step and returns to the workflow', async () => {
    const { client, executeQuery, executeMutation } = mockClient({
      StepFormOptions: { data: options },
      StepPreview: (variables) => ({ data: { previewChatMessage: preview(variables.senderUserId as string) } }),
      AddWorkflowStep: { data: { addWorkflowStep: { __typename: 'Workflow', id: 'wf-1', version: 5, stepCount: 2 } } },
    });
    const user = userEvent.setup();
    renderNew(client);

    await user.click(screen.getByRole('textbox', { name: /Who is the sender\?/ }));
    await user.click(await screen.findByRole('option', { name: /Jane Doe/ }));
    await user.click(screen.getByRole('textbox', { name: /What chat template should be used\?/ }));
    await user.click(await screen.findByRole('option', { name: /Thanks for registering/ }));

    const card = screen.getByTestId('message-preview');
    await waitFor(() => expect(within(card).getByTestId('preview-from')).toHaveTextContent('From Jane Doe (+61480000001)'));
    expect(within(card).getByTestId('preview-text')).toHaveTextContent('Hi Alex, thanks for registering!');
    expect(within(card).getByTestId('preview-encoding')).toHaveTextContent('GSM-7');
    expect(within(card).getByTestId('preview-characters')).toHaveTextContent('56');
    expect(within(card).getByTestId('preview-segments')).toHaveTextContent('1');
    expect(within(card).getByTestId('preview-credits')).toHaveTextContent('1');
    const previews = executeQuery.mock.calls.filter(([r]) => r.query.definitions.some((d) => 'name' in d && d.name?.value === 'StepPreview'));
    expect(previews.at(-1)![0].variables).toEqual({ templateId: 't-thanks', senderUserId: 'u-jane' });

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(1));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({
      workflowId: 'wf-1',
      input: { kind: 'CHAT_MESSAGE', senderUserId: 'u-jane', chatTemplateId: 't-thanks' },
    });
    expect(await screen.findByText('Stand-in for /workflows/wf-1')).toBeInTheDocument();
    expect(screen.getByText('Step added')).toBeInTheDocument();
  });

  it('asks for a template before saving, and validates a wait', async () => {
    const { client, executeMutation } = mockClient({ StepFormOptions: { data: options } });
    const user = userEvent.setup();
    renderNew(client);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Choose the chat template to send.')).toBeInTheDocument();

    await user.click(screen.getByRole('textbox', { name: /What kind of workflow step/ }));
    await user.click(await screen.findByRole('option', { name: 'Wait' }));
    expect(screen.queryByRole('textbox', { name: /Who is the sender/ })).not.toBeInTheDocument();
    const amount = screen.getByRole('textbox', { name: /Wait for/ });
    await user.clear(amount);
    await user.type(amount, '31');
    expect(screen.getByText('Wait between 1 minute and 30 days.')).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });
});

describe('Edit workflow step', () => {
  it('starts from the stored step and saves with expectedVersion', async () => {
    const { client, executeMutation } = mockClient({
      StepFormOptions: { data: options },
      UpdateWorkflowStep: { data: { updateWorkflowStep: { __typename: 'Workflow', id: 'wf-1', version: 5, stepCount: 1 } } },
    });
    const user = userEvent.setup();
    renderWithProviders(<StepFormPage />, { client, route: '/workflows/wf-1/steps/step-wait', path: '/workflows/:id/steps/:stepId' });

    expect(screen.getByRole('textbox', { name: /What kind of workflow step/ })).toHaveValue('Wait');
    expect(screen.getByRole('textbox', { name: /Wait for/ })).toHaveValue('2');
    expect(screen.getByRole('textbox', { name: /^Unit/ })).toHaveValue('hours');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(1));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({
      workflowId: 'wf-1',
      stepId: 'step-wait',
      input: { kind: 'WAIT', waitMinutes: 120 },
      expectedVersion: 4,
    });
  });
});
