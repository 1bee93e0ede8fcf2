import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../auth/token';
import { liveMockClient } from '../lib/live/testing';
import { jwtExpiringIn } from '../test/jwt';
import { graphqlError } from '../test/mockClient';
import { renderWithProviders } from '../test/render';
import type { InboxConversation, InboxMessage } from './fragments';
import { sinceFor } from './filters';
import { InboxPage } from './InboxPage';
import { aConversation, aMessage, anOutboundMessage } from './testData';

// The inbox shows three panes on a wide screen: make every min-width media query match.
beforeEach(() => {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) =>
      ({
        matches: query.includes('min-width'),
        media: query,
        onchange: null,
        addListener: vi.fn(),
        removeListener: vi.fn(),
        addEventListener: vi.fn(),
        removeEventListener: vi.fn(),
        dispatchEvent: vi.fn(),
      }) as unknown as MediaQueryList,
  );
  localStorage.setItem(TOKEN_STORAGE_KEY, jwtExpiringIn(3600));
});

const page = (conversations: InboxConversation[], hasNextPage = false) => ({
  data: {
    inbox: {
      __typename: 'ConversationConnection',
      edges: conversations.map((node) => ({ __typename: 'ConversationEdge', cursor: `cur-${node.id}`, node })),
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: conversations.length ? `cur-${conversations[conversations.length - 1]!.id}` : null },
    },
  },
});

const thread = (conversation: InboxConversation | null, messages: InboxMessage[]) => ({
  data: {
    conversation: conversation && {
      ...conversation,
      candidate: { ...conversation.candidate, email: 'olivia.nguyen@example.com' },
      // The API gives newest first.
      messages: [...messages].reverse(),
    },
  },
});

const viewer = { data: { me: { __typename: 'User', id: 'u-jane', role: 'RECRUITER' }, account: { __typename: 'Account', id: 'acc', sandbox: true } } };
const noUnread = { data: { mine: { edges: [], pageInfo: { hasNextPage: false } }, shared: { edges: [], pageInfo: { hasNextPage: false } } } };

function setup({
  conversations = [aConversation()],
  messages = [aMessage()],
  handlers = {},
}: {
  conversations?: InboxConversation[];
  messages?: InboxMessage[];
  handlers?: Parameters<typeof liveMockClient>[0];
} = {}) {
  const byId = new Map(conversations.map((c) => [c.id, c]));
  return liveMockClient({
    InboxViewer: viewer,
    InboxUnreadCounts: noUnread,
    InboxConversations: () => page(conversations),
    InboxThread: (variables) => thread(byId.get(String(variables.id)) ?? null, messages),
    MarkConversationRead: (variables) => ({ data: { markConversationRead: { ...byId.get(String(variables.id))!, unread: 0 } } }),
    ...handlers,
  });
}

const renderInbox = (client: ReturnType<typeof setup>['client'], route = '/inbox') =>
  renderWithProviders(<InboxPage />, { client, route, path: '/inbox/:conversationId?' });

const callsOf = (mock: ReturnType<typeof setup>, name: string) =>
  mock.executeQuery.mock.calls.filter(([request]) => request.query.definitions.some((d) => 'name' in d && d.name?.value === name));

const lastVariables = (mock: ReturnType<typeof setup>, name: string) => callsOf(mock, name).at(-1)?.[0].variables as Record<string, unknown>;

describe('the conversation list', () => {
  it('opens on "Mine" and asks for the shared inbox on the Shared tab', async () => {
    const mock = setup();
    const user = userEvent.setup();
    renderInbox(mock.client);

    expect(await screen.findByText('Olivia Nguyen')).toBeInTheDocument();
    expect(lastVariables(mock, 'InboxConversations')).toMatchObject({ mine: true, since: null, search: null, unreadOnly: false });
    expect(screen.getByText('Pick a conversation')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: /Shared/ }));
    await waitFor(() => expect(lastVariables(mock, 'InboxConversations')).toMatchObject({ mine: false }));
    await user.click(screen.getByRole('tab', { name: /Mine/ }));
    await waitFor(() => expect(lastVariables(mock, 'InboxConversations')).toMatchObject({ mine: true }));
  });

  it('turns the date filter into `since`, and the unread toggle into unreadOnly', async () => {
    const mock = setup();
    const user = userEvent.setup();
    renderInbox(mock.client);
    await screen.findByText('Olivia Nguyen');

    await user.click(screen.getByText('Last month'));
    await waitFor(() => expect(lastVariables(mock, 'InboxConversations')).toMatchObject({ since: sinceFor('month') }));
    await user.click(screen.getByText('Last year'));
    await waitFor(() => expect(lastVariables(mock, 'InboxConversations')).toMatchObject({ since: sinceFor('year') }));
    await user.click(screen.getByRole('switch', { name: 'Unread only' }));
    await waitFor(() => expect(lastVariables(mock, 'InboxConversations')).toMatchObject({ unreadOnly: true, since: sinceFor('year') }));
    await user.click(screen.getByText('All'));
    await waitFor(() => expect(lastVariables(mock, 'InboxConversations')).toMatchObject({ since: null }));
  });

  it('searches once typing pauses', async () => {
    const mock = setup();
    const user = userEvent.setup();
    renderInbox(mock.client);
    await screen.findByText('Olivia Nguyen');
    const before = callsOf(mock, 'InboxConversations').length;

    await user.type(screen.getByRole('textbox', { name: 'Search conversations' }), 'interview');
    await waitFor(() => expect(lastVariables(mock, 'InboxConversations')).toMatchObject({ search: 'interview' }));
    // One fetch for the whole word, not one per keystroke.
    expect(callsOf(mock, 'InboxConversations').length).toBe(before + 1);
  });

  it('shows the candidate, preview, unread count, assignee, and the unread badges of the tabs', async () => {
    const mock = setup({
      conversations: [aConversation({ unread: 2 }), aConversation({ id: 'c2', candidateName: 'Liam Smith', preview: 'Thanks!', assignedUser: null, lastMessageAt: '2026-11-01T01:00:00Z' })],
      handlers: {
        InboxUnreadCounts: {
          data: { mine: { edges: [{ node: { id: 'c1' } }], pageInfo: { hasNextPage: false } }, shared: { edges: [{ node: { id: 'c1' } }, { node: { id: 'c3' } }], pageInfo: { hasNextPage: false } } },
        },
      },
    });
    renderInbox(mock.client);
    const items = await screen.findAllByTestId('conversation-item');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Olivia Nguyen');
    expect(within(items[0]!).getByTestId('conversation-unread')).toHaveTextContent('2');
    expect(within(items[0]!).getByTestId('conversation-assignee')).toHaveTextContent('Jane Doe');
    expect(within(items[1]!).getByTestId('conversation-preview')).toHaveTextContent('Thanks!');
    expect(within(items[1]!).getByTestId('conversation-assignee')).toHaveTextContent('Unassigned');
    expect(screen.getByTestId('mine-unread')).toHaveTextContent('1');
    expect(screen.getByTestId('shared-unread')).toHaveTextContent('2');
  });

  it('says so when there are no conversations, and loads more on request', async () => {
    const empty = setup({ conversations: [] });
    const { unmount } = renderInbox(empty.client);
    expect(await screen.findByText('No conversations yet')).toBeInTheDocument();
    unmount();

    const more = setup({
      handlers: {
        InboxConversations: (variables) =>
          variables.after ? page([aConversation({ id: 'c9', candidateName: 'Ava Williams', lastMessageAt: '2026-10-01T00:00:00Z' })]) : page([aConversation()], true),
      },
    });
    const user = userEvent.setup();
    renderInbox(more.client);
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Ava Williams')).toBeInTheDocument();
    expect(lastVariables(more, 'InboxConversations')).toMatchObject({ after: 'cur-c1' });
    expect(screen.getAllByTestId('conversation-item')).toHaveLength(2);
  });
});

describe('the thread', () => {
  it('shows delivery ticks by status, the failure reason, and the sandbox marker', async () => {
    const mock = setup({
      messages: [
        aMessage({ id: 'in', createdAt: '2026-11-02T01:00:00Z' }),
        anOutboundMessage({ id: 'sent', status: 'SENT', createdAt: '2026-11-02T01:01:00Z', sandbox: true }),
        anOutboundMessage({ id: 'delivered', status: 'DELIVERED', createdAt: '2026-11-02T01:02:00Z' }),
        anOutboundMessage({ id: 'failed', status: 'FAILED', statusReason: 'not delivered: unknown subscriber', createdAt: '2026-11-02T01:03:00Z' }),
      ],
    });
    renderInbox(mock.client, '/inbox/c1');
    await screen.findByTestId('thread-title');

    const bubble = (id: string) => screen.getAllByTestId('thread-message').find((el) => el.dataset.messageId === id)!;
    await waitFor(() => expect(screen.getAllByTestId('thread-message')).toHaveLength(4));
    expect(within(bubble('in')).queryByTestId('delivery-ticks')).not.toBeInTheDocument();
    expect(within(bubble('sent')).getByTestId('delivery-ticks')).toHaveAttribute('data-status', 'SENT');
    expect(within(bubble('sent')).getByTestId('delivery-ticks')).toHaveAccessibleName(/^Sent/);
    expect(within(bubble('sent')).getByTestId('sandbox-marker')).toBeInTheDocument();
    expect(within(bubble('delivered')).getByTestId('delivery-ticks')).toHaveAccessibleName(/Delivered/);
    expect(within(bubble('failed')).getByTestId('delivery-ticks')).toHaveAccessibleName('Not delivered: not delivered: unknown subscriber');
    expect(within(bubble('failed')).getByTestId('failure-reason')).toHaveTextContent('unknown subscriber');
    // Oldest first, like a phone.
    expect(screen.getAllByTestId('thread-message').map((el) => el.dataset.messageId)).toEqual(['in', 'sent', 'delivered', 'failed']);
  });

  it('marks the conversation read when it is opened', async () => {
    const mock = setup({ conversations: [aConversation({ unread: 3 })] });
    renderInbox(mock.client, '/inbox/c1');
    await waitFor(() => expect(mock.executeMutation).toHaveBeenCalledTimes(1));
    expect(mock.executed()).toContain('MarkConversationRead');
    await waitFor(() => expect(screen.queryByTestId('conversation-unread')).not.toBeInTheDocument());
  });

  it('shows the candidate with a link to the profile', async () => {
    const mock = setup({
      conversations: [aConversation({ candidate: { ...aConversation().candidate, smsOptOut: { at: '2026-11-01T00:00:00Z', keyword: 'STOP' } } })],
    });
    renderInbox(mock.client, '/inbox/c1');
    const summary = await screen.findByTestId('candidate-summary');
    expect(within(summary).getByTestId('summary-mobile')).toHaveTextContent('+61412345678');
    expect(within(summary).getByTestId('summary-ats-status')).toHaveTextContent('New');
    expect(within(summary).getByTestId('summary-consent')).toHaveTextContent('Opted out (STOP');
    expect(within(summary).getByTestId('candidate-profile-link')).toHaveAttribute('href', '/candidates/cand-olivia');
    // An opted-out candidate cannot be texted: the reply box says why.
    expect(screen.getByTestId('reply-blocked')).toHaveTextContent('opted out of SMS (texted STOP)');
    expect(screen.getByRole('textbox', { name: 'Reply' })).toBeDisabled();
  });

  it('loads older messages before the oldest one shown', async () => {
    const newest = Array.from({ length: 30 }, (_, i) => aMessage({ id: `m${100 + i}`, createdAt: new Date(Date.UTC(2026, 10, 2, 1, i)).toISOString() }));
    const mock = setup({
      handlers: {
        InboxThread: (variables) =>
          variables.before ? thread(aConversation(), [aMessage({ id: 'm001', body: 'The very first message', createdAt: '2026-10-01T00:00:00Z' })]) : thread(aConversation(), newest),
      },
    });
    const user = userEvent.setup();
    renderInbox(mock.client, '/inbox/c1');
    await user.click(await screen.findByRole('button', { name: 'Load older messages' }));
    expect(await screen.findByText('The very first message')).toBeInTheDocument();
    expect(lastVariables(mock, 'InboxThread')).toMatchObject({ id: 'c1', before: 'm100' });
    expect(screen.getByText('Start of the conversation')).toBeInTheDocument();
  });
});

describe('the reply box', () => {
  const measure = (characters: number, encoding = 'GSM_7', segments = 1, unicodeCharacters: string[] = []) => ({
    data: {
      previewChatMessage: {
        bodyMeasure: { encoding, characters, segments, credits: segments, unicodeCharacters, maxCharacters: 1377, remainingInSegment: 160 - characters },
      },
    },
  });

  it('counts characters, encoding, segments and credits as the server measures them, with a UCS-2 warning', async () => {
    const mock = setup({
      handlers: { ReplyMeasure: (variables) => (String(variables.body).includes('😀') ? measure(9, 'UCS_2', 1, ['😀']) : measure(String(variables.body).length)) },
    });
    const user = userEvent.setup();
    renderInbox(mock.client, '/inbox/c1');
    const input = await screen.findByRole('textbox', { name: 'Reply' });
    expect(screen.getByTestId('reply-counter')).toHaveTextContent('0 characters · GSM-7 · 0 segments · 0 credits');

    await user.type(input, 'Hi Olivia');
    await waitFor(() => expect(screen.getByTestId('reply-counter')).toHaveTextContent('9 characters · GSM-7 · 1 segment · 1 credit'));
    expect(lastVariables(mock, 'ReplyMeasure')).toEqual({ body: 'Hi Olivia', candidateId: 'cand-olivia' });
    expect(screen.queryByTestId('ucs2-warning')).not.toBeInTheDocument();

    await user.type(input, ' 😀');
    await waitFor(() => expect(screen.getByTestId('reply-counter')).toHaveTextContent('UCS-2'));
    expect(screen.getByTestId('ucs2-warning')).toHaveTextContent('“😀” is not in the GSM alphabet');
  });

  it('sends with Ctrl+Enter and shows the sent message once, even when its live event follows', async () => {
    const sent = anOutboundMessage({ id: 'm-new', body: 'Are you free on Tuesday?', createdAt: '2026-11-02T02:00:00Z' });
    const mock = setup({
      handlers: {
        ReplyMeasure: measure(24),
        SendChatMessage: { data: { sendChatMessage: sent } },
      },
    });
    const user = userEvent.setup();
    renderInbox(mock.client, '/inbox/c1');
    const input = await screen.findByRole('textbox', { name: 'Reply' });
    await user.type(input, 'Are you free on Tuesday?');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(mock.executed()).toContain('SendChatMessage'));
    const send = mock.executeMutation.mock.calls.find(([request]) => request.variables && 'body' in request.variables)!;
    expect(send[0].variables).toEqual({ candidateId: 'cand-olivia', body: 'Are you free on Tuesday?' });
    expect(await screen.findByText('Are you free on Tuesday?', { selector: '[data-testid="message-body"]' })).toBeInTheDocument();
    expect(input).toHaveValue('');

    // The same message comes back through messageStatusChanged: still one bubble.
    act(() => mock.emit('InboxMessageStatusChanged', { messageStatusChanged: sent }));
    expect(screen.getAllByText('Are you free on Tuesday?', { selector: '[data-testid="message-body"]' })).toHaveLength(1);
  });

  it('keeps a draft per conversation, so switching neither loses nor misdirects it', async () => {
    const mock = setup({
      conversations: [
        aConversation({ id: 'c1' }),
        aConversation({ id: 'c2', candidateName: 'Liam Smith', lastMessageAt: '2026-11-01T00:00:00Z', candidate: { ...aConversation().candidate, id: 'cand-liam', fullName: 'Liam Smith' } }),
      ],
      handlers: { ReplyMeasure: measure(10) },
    });
    const user = userEvent.setup();
    renderInbox(mock.client, '/inbox/c1');
    await user.type(await screen.findByRole('textbox', { name: 'Reply' }), 'For Olivia');

    await user.click(screen.getAllByTestId('conversation-item')[1]!);
    await waitFor(() => expect(screen.getByTestId('thread-title')).toHaveTextContent('Liam Smith'));
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveValue('');

    await user.click(screen.getAllByTestId('conversation-item')[0]!);
    await waitFor(() => expect(screen.getByTestId('thread-title')).toHaveTextContent('Olivia Nguyen'));
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveValue('For Olivia');
  });

  it("shows the server's reason when a send is refused", async () => {
    const mock = setup({
      handlers: {
        ReplyMeasure: measure(5),
        SendChatMessage: { error: graphqlError('Not enough SMS credits: this message costs 1 credit and the balance is 0.', 'BAD_REQUEST') },
      },
    });
    const user = userEvent.setup();
    renderInbox(mock.client, '/inbox/c1');
    await user.type(await screen.findByRole('textbox', { name: 'Reply' }), 'Hello');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByTestId('reply-error')).toHaveTextContent('Not enough SMS credits');
    // The draft is kept, to send again later.
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveValue('Hello');
  });
});

describe('live updates', () => {
  it('appends a reply to the open thread once, even when the same event arrives twice', async () => {
    const mock = setup();
    renderInbox(mock.client, '/inbox/c1');
    await waitFor(() => expect(screen.getAllByTestId('thread-message')).toHaveLength(1));

    const reply = aMessage({ id: 'm2', body: 'Tuesday works for me', createdAt: '2026-11-02T03:00:00Z' });
    const conversation = aConversation({ lastMessageAt: reply.createdAt, preview: reply.body, unread: 1 });
    act(() => mock.emit('InboxMessageReceived', { inboxMessageReceived: { message: reply, conversation } }));
    act(() => mock.emit('InboxMessageReceived', { inboxMessageReceived: { message: reply, conversation } }));

    expect(screen.getAllByText('Tuesday works for me', { selector: '[data-testid="message-body"]' })).toHaveLength(1);
    expect(screen.getAllByTestId('thread-message')).toHaveLength(2);
    // The list follows: new preview and unread count (still unread: nobody has touched the thread yet).
    const item = screen.getByTestId('conversation-item');
    expect(within(item).getByTestId('conversation-preview')).toHaveTextContent('Tuesday works for me');
    expect(within(item).getByTestId('conversation-unread')).toHaveTextContent('1');
    // One server subscription each, shared by everything on the page.
    expect(mock.subscribed('InboxMessageReceived')).toBe(1);
  });

  it('moves a conversation with a new reply to the top, and adds new ones that belong', async () => {
    const mock = setup({
      conversations: [aConversation({ id: 'c1', lastMessageAt: '2026-11-02T05:00:00Z' }), aConversation({ id: 'c2', candidateName: 'Liam Smith', lastMessageAt: '2026-11-02T04:00:00Z' })],
    });
    renderInbox(mock.client);
    await waitFor(() => expect(screen.getAllByTestId('conversation-item')).toHaveLength(2));

    const liam = aConversation({ id: 'c2', candidateName: 'Liam Smith', lastMessageAt: '2026-11-02T06:00:00Z', unread: 1, preview: 'Me again' });
    act(() => mock.emit('InboxMessageReceived', { inboxMessageReceived: { message: aMessage({ id: 'x1', conversationId: 'c2' }), conversation: liam } }));
    expect(screen.getAllByTestId('conversation-name').map((el) => el.textContent)).toEqual(['Liam Smith', 'Olivia Nguyen']);

    // A conversation assigned to someone else does not join "Mine"; one assigned to me does.
    const sams = aConversation({ id: 'c3', candidateName: 'Ava Williams', lastMessageAt: '2026-11-02T07:00:00Z', assignedUser: { id: 'u-sam', name: 'Sam Taylor' } });
    act(() => mock.emit('InboxMessageReceived', { inboxMessageReceived: { message: aMessage({ id: 'x2', conversationId: 'c3' }), conversation: sams } }));
    expect(screen.queryByText('Ava Williams')).not.toBeInTheDocument();
    const noahs = aConversation({ id: 'c4', candidateName: 'Noah Brown', lastMessageAt: '2026-11-02T08:00:00Z' });
    act(() => mock.emit('InboxMessageReceived', { inboxMessageReceived: { message: aMessage({ id: 'x3', conversationId: 'c4' }), conversation: noahs } }));
    expect(screen.getAllByTestId('conversation-name')[0]).toHaveTextContent('Noah Brown');
  });

  it('updates delivery ticks from messageStatusChanged', async () => {
    const mock = setup({ messages: [anOutboundMessage({ id: 'm1', status: 'SENT' })] });
    renderInbox(mock.client, '/inbox/c1');
    const ticks = await screen.findByTestId('delivery-ticks');
    expect(ticks).toHaveAttribute('data-status', 'SENT');
    act(() => mock.emit('InboxMessageStatusChanged', { messageStatusChanged: anOutboundMessage({ id: 'm1', status: 'DELIVERED' }) }));
    expect(screen.getByTestId('delivery-ticks')).toHaveAttribute('data-status', 'DELIVERED');
  });

  it('marks a reply that arrived while open as read once the recruiter does something in the thread', async () => {
    const mock = setup();
    const user = userEvent.setup();
    renderInbox(mock.client, '/inbox/c1');
    await waitFor(() => expect(screen.getAllByTestId('thread-message')).toHaveLength(1));
    expect(mock.executed()).not.toContain('MarkConversationRead');

    const reply = aMessage({ id: 'm2', body: 'Hello?', createdAt: '2026-11-02T03:00:00Z' });
    act(() => mock.emit('InboxMessageReceived', { inboxMessageReceived: { message: reply, conversation: aConversation({ lastMessageAt: reply.createdAt, unread: 1 }) } }));
    expect(mock.executed()).not.toContain('MarkConversationRead');

    await user.click(screen.getByRole('textbox', { name: 'Reply' }));
    await waitFor(() => expect(mock.executed()).toContain('MarkConversationRead'));
  });

  it('refetches the list, the open thread and the unread counts after a reconnect', async () => {
    const mock = setup();
    renderInbox(mock.client, '/inbox/c1');
    await waitFor(() => expect(screen.getAllByTestId('thread-message')).toHaveLength(1));
    const before = { list: callsOf(mock, 'InboxConversations').length, thread: callsOf(mock, 'InboxThread').length, counts: callsOf(mock, 'InboxUnreadCounts').length };

    act(() => {
      mock.connection.listeners.closed({ code: 1006, reason: '' });
      mock.connection.listeners.connecting(true);
    });
    expect(callsOf(mock, 'InboxConversations').length).toBe(before.list);
    act(() => mock.connection.listeners.connected({}, undefined, true));

    await waitFor(() => expect(callsOf(mock, 'InboxConversations').length).toBe(before.list + 1));
    expect(callsOf(mock, 'InboxThread').length).toBe(before.thread + 1);
    expect(callsOf(mock, 'InboxUnreadCounts').length).toBeGreaterThan(before.counts);
  });
});

describe('sandbox mode', () => {
  it('simulates a candidate reply through the API', async () => {
    const simulated = aMessage({ id: 'sim-1', body: 'Yes please!', createdAt: '2026-11-02T04:00:00Z' });
    const mock = setup({ handlers: { SimulateCandidateReply: { data: { simulateCandidateReply: simulated } } } });
    const user = userEvent.setup();
    renderInbox(mock.client, '/inbox/c1');
    await user.click(await screen.findByRole('button', { name: 'Simulate candidate reply' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText("Candidate's reply"), 'Yes please!');
    await user.click(within(dialog).getByRole('button', { name: 'Send as Olivia Nguyen' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const call = mock.executeMutation.mock.calls.find(([request]) => request.variables && 'toNumber' in request.variables)!;
    expect(call[0].variables).toEqual({ candidateId: 'cand-olivia', body: 'Yes please!', toNumber: '+61480000001' });
    expect(await screen.findByText('Yes please!', { selector: '[data-testid="message-body"]' })).toBeInTheDocument();
  });
});
