import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { graphqlError, mockClient } from '../../test/mockClient';
import { renderWithProviders } from '../../test/render';
import { RUNS_PAGE_SIZE, WorkflowHistoryPage } from './WorkflowHistoryPage';

const workflow = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Workflow',
  id: 'wf-1',
  name: 'Graduate registration follow-up',
  status: 'ACTIVE',
  trigger: {
    __typename: 'WorkflowTrigger',
    type: 'CTA_COMPLETED',
    cta: { __typename: 'Cta', id: 'cta-1', label: 'Register interest' },
    webCampaign: { __typename: 'WebCampaign', id: 'camp-1', name: 'Graduate Program 2027' },
    toStatus: null,
    fromStatus: null,
  },
  ...overrides,
});

function message(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Message',
    id: 'msg-1',
    direction: 'OUTBOUND',
    to: '+61412345678',
    body: 'Hi Olivia, thanks for registering your interest in Graduate Program 2027!',
    status: 'SENT',
    statusReason: null,
    sandbox: true,
    createdAt: '2026-11-28T04:06:10Z',
    statusAt: null,
    segments: 1,
    sender: { __typename: 'User', id: 'u-jane', name: 'Jane Doe' },
    ...overrides,
  };
}

function step(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'StepExecution',
    id: 'step-1',
    stepId: 's-1',
    kind: 'CHAT_MESSAGE',
    position: 1,
    state: 'SENT',
    reason: null,
    attempts: 1,
    lastError: null,
    dueAt: '2026-11-28T04:06:09Z',
    updatedAt: '2026-11-28T04:06:10Z',
    retryable: false,
    message: null,
    ...overrides,
  };
}

function run(id: string, name: string, steps: unknown[], overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'WorkflowRun',
    id,
    startedAt: '2026-11-28T04:06:09Z',
    eventId: `evt-${id}`,
    state: (steps[steps.length - 1] as { state: string } | undefined)?.state ?? 'PENDING',
    candidate: { __typename: 'Candidate', id: `cand-${id}`, fullName: name, mobile: '+61412345678' },
    steps,
    ...overrides,
  };
}

function connection(runs: unknown[], pageInfo: { hasNextPage: boolean; endCursor: string | null } = { hasNextPage: false, endCursor: null }) {
  return {
    workflowRuns: {
      __typename: 'WorkflowRunConnection',
      edges: runs.map((node) => ({ __typename: 'WorkflowRunEdge', cursor: (node as { id: string }).id, node })),
      pageInfo: { __typename: 'PageInfo', ...pageInfo },
    },
  };
}

const renderPage = (client: ReturnType<typeof mockClient>['client'], route = '/workflows/wf-1/history') =>
  renderWithProviders(<WorkflowHistoryPage />, { client, route, path: '/workflows/:id/history' });

describe('WorkflowHistoryPage', () => {
  it('shows every run with its steps, states and reasons in plain words', async () => {
    const { client, executeQuery } = mockClient({
      WorkflowHistoryWorkflow: { data: { workflow: workflow() } },
      WorkflowHistoryRuns: {
        data: connection([
          run('r-3', 'Olivia Nguyen', [
            step({ id: 'st-sent', message: message() }),
            step({ id: 'st-wait', kind: 'WAIT', position: 2, state: 'PENDING', attempts: 0, dueAt: '2026-11-29T04:06:10Z' }),
          ]),
          run('r-2', 'Liam Smith', [
            step({ id: 'st-optout', state: 'SKIPPED', attempts: 0, reason: 'opted out of SMS (texted STOP on 1 Nov 2026)' }),
          ]),
          run('r-1', 'Ava Williams', [
            step({ id: 'st-held', state: 'HELD', attempts: 0, reason: 'held: the workflow is paused; it runs when the workflow is started again' }),
          ]),
          run('r-0', 'Noah Brown', [
            step({
              id: 'st-dead',
              state: 'DEAD',
              attempts: 5,
              retryable: true,
              reason: 'gave up after 5 attempts: MessageBird answered HTTP 503',
              lastError: 'MessageBird answered HTTP 503',
            }),
          ]),
        ]),
      },
    });
    renderPage(client);

    expect(screen.getByRole('heading', { name: 'Graduate registration follow-up: history' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /back to workflow/i })).toHaveAttribute('href', '/workflows/wf-1');
    expect(executeQuery.mock.calls.find(([r]) => r.variables && 'workflowId' in r.variables)![0].variables).toMatchObject({
      workflowId: 'wf-1',
      state: null,
      search: null,
      first: RUNS_PAGE_SIZE,
      after: null,
    });

    const runs = screen.getAllByRole('article');
    expect(runs.map((r) => within(r).getByTestId('run-candidate').textContent)).toEqual([
      'Olivia Nguyen',
      'Liam Smith',
      'Ava Williams',
      'Noah Brown',
    ]);
    expect(within(runs[0]!).getByRole('link', { name: 'Olivia Nguyen' })).toHaveAttribute('href', '/candidates/cand-r-3');
    expect(runs[0]).toHaveTextContent('evt-r-3');

    const sent = screen.getByTestId('step-st-sent');
    expect(within(sent).getByTestId('step-state')).toHaveTextContent('Sent');
    expect(sent).toHaveTextContent('1. Chat Message');
    expect(within(sent).getByTestId('step-reason')).toHaveTextContent('Sent to +61412345678');
    expect(within(sent).getByTestId('step-message-body')).toHaveTextContent('Hi Olivia, thanks for registering');
    expect(within(sent).getByTestId('delivery-status')).toHaveTextContent('Sent');
    expect(within(sent).getByTestId('sandbox-marker')).toHaveTextContent('Sandbox');
    expect(within(sent).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();

    const wait = screen.getByTestId('step-st-wait');
    expect(wait).toHaveTextContent('2. Wait');
    expect(within(wait).getByTestId('step-state')).toHaveTextContent('Waiting');
    expect(within(wait).getByTestId('step-reason')).toHaveTextContent(/^Waiting until /);

    expect(within(screen.getByTestId('step-st-optout')).getByTestId('step-reason')).toHaveTextContent(
      'Skipped — opted out of SMS (texted STOP on 1 Nov 2026)',
    );
    expect(within(screen.getByTestId('step-st-held')).getByTestId('step-reason')).toHaveTextContent(
      'Held — the workflow is paused; it runs when the workflow is started again',
    );

    const dead = screen.getByTestId('step-st-dead');
    expect(within(dead).getByTestId('step-state')).toHaveTextContent('Dead');
    expect(within(dead).getByTestId('step-reason')).toHaveTextContent('Dead — gave up after 5 attempts: MessageBird answered HTTP 503');
    expect(within(dead).getByTestId('step-attempts')).toHaveTextContent('5 attempts');
    // The reason already quotes the last error: it is not repeated.
    expect(within(dead).queryByTestId('step-last-error')).not.toBeInTheDocument();
    expect(within(dead).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('shows a failed delivery with the provider reason', () => {
    const { client } = mockClient({
      WorkflowHistoryWorkflow: { data: { workflow: workflow() } },
      WorkflowHistoryRuns: {
        data: connection([run('r-1', 'Olivia Nguyen', [step({ message: message({ status: 'FAILED', statusReason: 'the number is not in service', sandbox: false }) })])]),
      },
    });
    renderPage(client);
    const status = screen.getByTestId('delivery-status');
    expect(status).toHaveTextContent('Failed');
    expect(status).toHaveTextContent('the number is not in service');
    expect(screen.queryByTestId('sandbox-marker')).not.toBeInTheDocument();
  });

  it('asks before retrying and then calls retryStep', async () => {
    const failed = step({ id: 'st-failed', state: 'FAILED', retryable: true, reason: 'the MessageBird account has no balance left; top it up with MessageBird, then retry', lastError: 'No balance (code 25)' });
    const { client, executeMutation } = mockClient({
      WorkflowHistoryWorkflow: { data: { workflow: workflow() } },
      WorkflowHistoryRuns: { data: connection([run('r-1', 'Olivia Nguyen', [failed])]) },
      RetryStep: (variables) => ({ data: { retryStep: { ...failed, id: variables.id, state: 'PENDING', retryable: false, reason: null, attempts: 0 } } }),
    });
    const user = userEvent.setup();
    renderPage(client);

    expect(screen.getByTestId('step-reason')).toHaveTextContent('Failed — the MessageBird account has no balance left');
    expect(screen.getByTestId('step-last-error')).toHaveTextContent('Last error: No balance (code 25)');
    expect(screen.getByTestId('step-attempts')).toHaveTextContent('1 attempt');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Retry the SMS to Olivia Nguyen?');
    expect(dialog).toHaveTextContent('This sends the SMS again and debits credits again');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(executeMutation).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Retry SMS' }));
    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(1));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({ id: 'st-failed' });
    expect(await screen.findByText('Retrying the SMS')).toBeInTheDocument();
  });

  it('shows the server message when a retry is refused', async () => {
    const failed = step({ id: 'st-failed', state: 'FAILED', retryable: true, reason: 'provider refused' });
    const { client } = mockClient({
      WorkflowHistoryWorkflow: { data: { workflow: workflow() } },
      WorkflowHistoryRuns: { data: connection([run('r-1', 'Olivia Nguyen', [failed])]) },
      RetryStep: { error: graphqlError('Only a failed or dead Chat Message step can be retried; this one is SENT.', 'BAD_REQUEST') },
    });
    const user = userEvent.setup();
    renderPage(client);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Retry SMS' }));
    expect(await screen.findByText('The step was not retried')).toBeInTheDocument();
    expect(screen.getByText('Only a failed or dead Chat Message step can be retried; this one is SENT.')).toBeInTheDocument();
  });

  it('lets a recruiter settle an unconfirmed step either way, after confirming', async () => {
    const unconfirmed = step({
      id: 'st-unconfirmed',
      state: 'UNCONFIRMED',
      reason: 'the app stopped while sending, and MessageBird could not confirm whether the SMS went out; check with the candidate, then mark it sent or send it again',
      lastError: 'connect timed out',
    });
    const { client, executeMutation } = mockClient({
      WorkflowHistoryWorkflow: { data: { workflow: workflow() } },
      WorkflowHistoryRuns: { data: connection([run('r-1', 'Olivia Nguyen', [unconfirmed])]) },
      ResolveUnconfirmedStep: (variables) => ({ data: { resolveUnconfirmedStep: { ...unconfirmed, id: variables.id, state: 'SENDING' } } }),
    });
    const user = userEvent.setup();
    renderPage(client);

    const item = screen.getByTestId('step-st-unconfirmed');
    expect(within(item).getByTestId('step-state')).toHaveTextContent('Unconfirmed');
    expect(within(item).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();

    await user.click(within(item).getByRole('button', { name: 'Mark as sent' }));
    let dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Mark the SMS to Olivia Nguyen as sent?');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as sent' }));
    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(1));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({ id: 'st-unconfirmed', sent: true });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(within(item).getByRole('button', { name: 'Send again' }));
    dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('gets it twice');
    await user.click(within(dialog).getByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(2));
    expect(executeMutation.mock.calls[1]![0].variables).toEqual({ id: 'st-unconfirmed', sent: false });
  });

  it('filters by state and searches by candidate name (debounced)', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const { client } = mockClient({
      WorkflowHistoryWorkflow: { data: { workflow: workflow() } },
      WorkflowHistoryRuns: (variables) => {
        seen.push(variables);
        return { data: connection([]) };
      },
    });
    const user = userEvent.setup();
    renderPage(client, '/workflows/wf-1/history?state=FAILED');

    expect(seen[0]).toMatchObject({ state: 'FAILED', search: null });
    expect(screen.getByText('No runs match')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Candidate name' }), 'oli');
    await waitFor(() => expect(seen.some((v) => v.search === 'oli' && v.state === 'FAILED')).toBe(true));
    // Debounced: no request per keystroke.
    expect(seen.some((v) => v.search === 'o' || v.search === 'ol')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(seen[seen.length - 1]).toMatchObject({ state: null, search: null }));
    expect(screen.getByText('No runs yet')).toBeInTheDocument();
  });

  it('explains when the workflow runs if it has no runs yet', () => {
    const { client } = mockClient({
      WorkflowHistoryWorkflow: { data: { workflow: workflow() } },
      WorkflowHistoryRuns: { data: connection([]) },
    });
    renderPage(client);
    expect(screen.getByText('No runs yet')).toBeInTheDocument();
    expect(screen.getByText(/this workflow runs when a candidate completes “Register interest” on Graduate Program 2027/i)).toBeInTheDocument();
  });

  it('loads more runs with the end cursor, keeping the ones shown', async () => {
    const { client } = mockClient({
      WorkflowHistoryWorkflow: { data: { workflow: workflow() } },
      WorkflowHistoryRuns: (variables) =>
        variables.after === 'r-2'
          ? { data: connection([run('r-1', 'Ava Williams', [step({ id: 'st-a' })])]) }
          : { data: connection([run('r-2', 'Olivia Nguyen', [step({ id: 'st-o' })])], { hasNextPage: true, endCursor: 'r-2' }) },
    });
    const user = userEvent.setup();
    renderPage(client);

    expect(screen.getAllByRole('article')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Load more runs' }));
    expect(await screen.findByText('Ava Williams')).toBeInTheDocument();
    expect(screen.getByText('Olivia Nguyen')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more runs' })).not.toBeInTheDocument();
  });

  it('warns that a paused workflow holds its steps', () => {
    const { client } = mockClient({
      WorkflowHistoryWorkflow: { data: { workflow: workflow({ status: 'PAUSED' }) } },
      WorkflowHistoryRuns: { data: connection([]) },
    });
    renderPage(client);
    expect(screen.getByTestId('workflow-status')).toHaveTextContent('Paused');
    expect(screen.getByText('This workflow is paused')).toBeInTheDocument();
  });

  it('shows loading, not-found and error states', () => {
    const pending = mockClient({ WorkflowHistoryWorkflow: 'pending' });
    const first = renderPage(pending.client);
    expect(screen.getByLabelText('Loading runs')).toBeInTheDocument();
    first.unmount();

    const missing = mockClient({ WorkflowHistoryWorkflow: { data: { workflow: null } } });
    const second = renderPage(missing.client);
    expect(screen.getByRole('heading', { name: 'Workflow not found' })).toBeInTheDocument();
    second.unmount();

    const failing = mockClient({
      WorkflowHistoryWorkflow: { data: { workflow: workflow() } },
      WorkflowHistoryRuns: { error: graphqlError('first must be 1 to 100.', 'BAD_REQUEST') },
    });
    renderPage(failing.client);
    expect(screen.getByRole('alert')).toHaveTextContent('first must be 1 to 100.');
  });
});
