import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aConversation, aMessage, anOutboundMessage } from '../inbox/testData';
import { liveMockClient } from '../lib/live/testing';
import { mockClient } from '../test/mockClient';
import { renderWithProviders } from '../test/render';
import { CandidateProfilePage, PROFILE_MESSAGES } from './CandidateProfilePage';
import { formatDate } from './formatDate';

function message(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Message',
    id: 'm-1',
    direction: 'OUTBOUND',
    from: '+61480000001',
    to: '+61412345678',
    body: 'Hi Olivia, thanks for registering your interest in Graduate Program 2027!',
    segments: 1,
    status: 'DELIVERED',
    statusReason: null,
    sandbox: false,
    createdAt: '2026-11-28T04:06:10Z',
    statusAt: '2026-11-28T04:06:20Z',
    sender: { __typename: 'User', id: 'u-jane', name: 'Jane Doe' },
    workflowName: 'Graduate registration follow-up',
    ...overrides,
  };
}

function candidate(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Candidate',
    id: 'c-1',
    externalId: 'ATS-1001',
    fullName: 'Olivia Nguyen',
    email: 'olivia.nguyen@example.com',
    mobile: '+61412345678',
    mobileProblem: null,
    atsStatus: 'Interview',
    unknown: false,
    customFields: [{ __typename: 'CustomField', name: 'degree', value: 'Computer Science' }],
    smsOptOut: null,
    createdAt: '2026-11-20T04:06:10Z',
    updatedAt: '2026-11-28T04:06:10Z',
    messages: [],
    ...overrides,
  };
}

const renderPage = (client: ReturnType<typeof mockClient>['client']) =>
  renderWithProviders(<CandidateProfilePage />, { client, route: '/candidates/c-1', path: '/candidates/:id' });

describe('CandidateProfilePage', () => {
  it('shows the details, ATS status and custom fields', () => {
    const { client, executeQuery } = mockClient({ CandidateProfile: { data: { candidate: candidate() } } });
    renderPage(client);

    expect(executeQuery.mock.calls[0]![0].variables).toEqual({ id: 'c-1', messages: PROFILE_MESSAGES });
    expect(screen.getByRole('heading', { name: 'Olivia Nguyen' })).toBeInTheDocument();
    expect(screen.getByTestId('external-id')).toHaveTextContent('ATS-1001');
    expect(screen.getByTestId('ats-status')).toHaveTextContent('Interview');
    expect(screen.getByTestId('candidate-mobile')).toHaveTextContent('+61412345678');
    expect(screen.getByTestId('candidate-email')).toHaveTextContent('olivia.nguyen@example.com');
    expect(screen.getByTestId('candidate-consent')).toHaveTextContent('Subscribed');
    expect(screen.getByTestId('custom-fields')).toHaveTextContent('degree:Computer Science');
    expect(screen.getByText('No SMS yet')).toBeInTheDocument();
  });

  it('shows the opt-out with its keyword and date, and the mobile problem', () => {
    const { client } = mockClient({
      CandidateProfile: {
        data: {
          candidate: candidate({
            mobile: null,
            mobileProblem: "'+61 4' is not a valid phone number",
            smsOptOut: { __typename: 'SmsOptOut', at: '2026-11-01T01:00:00Z', keyword: 'STOP' },
          }),
        },
      },
    });
    renderPage(client);

    const day = formatDate('2026-11-01T01:00:00Z');
    expect(day).toMatch(/2026/);
    expect(screen.getByTestId('opt-out-alert')).toHaveTextContent(`Olivia Nguyen texted STOP on ${day}`);
    expect(screen.getByTestId('candidate-consent')).toHaveTextContent(`Opted out (STOP, ${day})`);
    expect(screen.getByTestId('candidate-mobile-problem')).toHaveTextContent("'+61 4' is not a valid phone number");
    expect(screen.getByTestId('mobile-problem-alert')).toHaveTextContent('Chat Message steps for Olivia Nguyen are skipped');
  });

  it('shows every SMS as bubbles, oldest first, ours on the right, with delivery status and sandbox marker', () => {
    const { client } = mockClient({
      CandidateProfile: {
        data: {
          candidate: candidate({
            // The API answers newest first.
            messages: [
              message({ id: 'm-3', body: 'Second try', status: 'FAILED', statusReason: 'the number is not in service', createdAt: '2026-11-28T06:00:00Z' }),
              message({ id: 'm-2', direction: 'INBOUND', from: '+61412345678', to: '+61480000001', body: 'Thanks! When is it?', status: 'RECEIVED', sender: null, workflowName: null, createdAt: '2026-11-28T05:00:00Z' }),
              message({ id: 'm-1', sandbox: true, status: 'SENT' }),
            ],
          }),
        },
      },
    });
    renderPage(client);

    const thread = screen.getByTestId('sms-thread');
    const bubbles = within(thread).getAllByTestId(/^sms-m-/);
    expect(bubbles.map((b) => b.getAttribute('data-testid'))).toEqual(['sms-m-1', 'sms-m-2', 'sms-m-3']);
    expect(bubbles.map((b) => b.getAttribute('data-direction'))).toEqual(['OUTBOUND', 'INBOUND', 'OUTBOUND']);
    expect(bubbles[0]!.style.justifyContent).toBe('flex-end');
    expect(bubbles[1]!.style.justifyContent).toBe('flex-start');

    const first = bubbles[0]!;
    expect(within(first).getByTestId('sms-body')).toHaveTextContent('Hi Olivia, thanks for registering');
    expect(within(first).getByTestId('sms-meta')).toHaveTextContent('Jane Doe · via Graduate registration follow-up');
    expect(within(first).getByTestId('delivery-status')).toHaveTextContent('Sent');
    expect(within(first).getByTestId('sandbox-marker')).toHaveTextContent('Sandbox');

    expect(within(bubbles[1]!).getByTestId('sms-meta')).toHaveTextContent('Olivia Nguyen');
    expect(within(bubbles[1]!).queryByTestId('delivery-status')).not.toBeInTheDocument();
    expect(within(bubbles[1]!).queryByTestId('sandbox-marker')).not.toBeInTheDocument();

    const failed = within(bubbles[2]!).getByTestId('delivery-status');
    expect(failed).toHaveAttribute('data-status', 'FAILED');
    expect(failed).toHaveTextContent('Failed');
    expect(failed).toHaveTextContent('the number is not in service');
  });

  it('shows delivered messages with the delivered ticks', () => {
    const { client } = mockClient({ CandidateProfile: { data: { candidate: candidate({ messages: [message()] }) } } });
    renderPage(client);
    const status = screen.getByTestId('delivery-status');
    expect(status).toHaveAttribute('data-status', 'DELIVERED');
    expect(status).toHaveTextContent('Delivered');
  });

  it('has a friendly not-found state', () => {
    const { client } = mockClient({ CandidateProfile: { data: { candidate: null } } });
    renderPage(client);
    expect(screen.getByRole('heading', { name: 'Candidate not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /back to candidates/i })).toHaveAttribute('href', '/candidates');
  });
});

describe('the SMS tab, live', () => {
  const profileCalls = (mock: ReturnType<typeof liveMockClient>) =>
    mock.executeQuery.mock.calls.filter(([request]) => request.query.definitions.some((d) => 'name' in d && d.name?.value === 'CandidateProfile')).length;

  it("shows a reply and our SMS from elsewhere without a reload, in both directions", async () => {
    let messages = [message()];
    const mock = liveMockClient({
      CandidateProfile: () => ({ data: { candidate: candidate({ messages }), account: { __typename: 'Account', id: 'acc', sandbox: false } } }),
    });
    renderWithProviders(<CandidateProfilePage />, { client: mock.client, route: '/candidates/c-1', path: '/candidates/:id' });
    expect(await screen.findAllByTestId(/^sms-m-/)).toHaveLength(1);
    const before = profileCalls(mock);

    // Another candidate's SMS changes nothing here.
    act(() => mock.emit('InboxMessageReceived', { inboxMessageReceived: { message: aMessage({ id: 'x', candidateId: 'someone-else' }), conversation: aConversation() } }));

    // Their reply arrives: the tab re-reads and shows it.
    messages = [message({ id: 'm-2', direction: 'INBOUND', body: 'Sounds good!', status: 'RECEIVED', sender: null, workflowName: null, createdAt: '2026-11-28T05:00:00Z' }), ...messages];
    act(() => mock.emit('InboxMessageReceived', { inboxMessageReceived: { message: aMessage({ id: 'm-2', candidateId: 'c-1' }), conversation: aConversation() } }));
    expect(await screen.findByText('Sounds good!')).toBeInTheDocument();

    // An SMS to them sent from the inbox in another tab.
    messages = [message({ id: 'm-3', body: 'See you then', status: 'SENT', workflowName: null, createdAt: '2026-11-28T06:00:00Z' }), ...messages];
    act(() => mock.emit('InboxMessageStatusChanged', { messageStatusChanged: anOutboundMessage({ id: 'm-3', candidateId: 'c-1' }) }));
    expect(await screen.findByText('See you then')).toBeInTheDocument();
    expect(profileCalls(mock)).toBe(before + 2);
  });

  it('offers "Simulate candidate reply" in sandbox mode', async () => {
    const mock = liveMockClient({
      CandidateProfile: { data: { candidate: candidate(), account: { __typename: 'Account', id: 'acc', sandbox: true } } },
      SimulateCandidateReply: { data: { simulateCandidateReply: aMessage({ id: 'sim', candidateId: 'c-1', body: 'Yes!' }) } },
    });
    const user = userEvent.setup();
    renderWithProviders(<CandidateProfilePage />, { client: mock.client, route: '/candidates/c-1', path: '/candidates/:id' });
    await user.click(await screen.findByRole('button', { name: 'Simulate candidate reply' }));
    await user.type(within(await screen.findByRole('dialog')).getByLabelText("Candidate's reply"), 'Yes!');
    await user.click(screen.getByRole('button', { name: 'Send as Olivia Nguyen' }));
    await waitFor(() => expect(mock.executed()).toContain('SimulateCandidateReply'));
    const call = mock.executeMutation.mock.calls.find(([request]) => request.variables && 'candidateId' in request.variables)!;
    expect(call[0].variables).toEqual({ candidateId: 'c-1', body: 'Yes!', toNumber: null });
  });

  it('has no simulate action outside sandbox mode', async () => {
    const mock = liveMockClient({ CandidateProfile: { data: { candidate: candidate(), account: { __typename: 'Account', id: 'acc', sandbox: false } } } });
    renderWithProviders(<CandidateProfilePage />, { client: mock.client, route: '/candidates/c-1', path: '/candidates/:id' });
    await screen.findByRole('heading', { name: 'Olivia Nguyen' });
    expect(screen.queryByRole('button', { name: 'Simulate candidate reply' })).not.toBeInTheDocument();
  });
});
