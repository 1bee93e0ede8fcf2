import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './helpers';

// Issue 5's end-to-end test: Jane has the Inbox open; a candidate's reply to her SMS arrives;
// it shows in the thread and the bell count rises without a reload; she replies, and her reply
// shows in the thread.
//
// The e2e backend runs in sandbox mode without a signing key, so the test delivers the reply as
// MessageBird would — a POST to the inbound webhook — which the sandbox accepts unsigned (the same
// inbound path a signed webhook takes).

const OLIVIA_MOBILE = '61412345678';
const LIAM_MOBILE = '61412345679';
const JANE_NUMBER = '61480000001';

async function login(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { token: string }).token;
}

async function graphql<T>(request: APIRequestContext, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post('/graphql', { headers: { Authorization: `Bearer ${token}` }, data: { query, variables } });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  expect(body.errors ?? []).toEqual([]);
  return body.data as T;
}

/** Resolves once the page's WebSocket is acknowledged and carries the inbox and bell subscriptions. */
function liveSubscriptionsReady(page: Page): () => Promise<void> {
  const subscribed = new Set<string>();
  let acknowledged = false;
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      if (String(payload).includes('"connection_ack"')) acknowledged = true;
    });
    socket.on('framesent', ({ payload }) => {
      const text = String(payload);
      if (!text.includes('"subscribe"')) return;
      for (const name of ['InboxMessageReceived', 'NotificationReceived', 'InboxMessageStatusChanged']) {
        if (text.includes(`subscription ${name}`)) subscribed.add(name);
      }
    });
  });
  return async () => {
    await expect.poll(() => acknowledged && subscribed.size === 3, { message: 'live subscriptions started' }).toBe(true);
    // The server registers a subscription a moment after the frame is sent.
    await page.waitForTimeout(500);
  };
}

/** Delivers an SMS a candidate sent to Jane's number, as MessageBird's inbound webhook would. */
async function candidateTexts(request: APIRequestContext, originator: string, body: string, id: string) {
  const response = await request.post('/webhooks/messagebird/inbound', {
    data: { id, originator, recipient: JANE_NUMBER, body, createdDatetime: new Date().toISOString() },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'stored' });
}

/** The bell's unread count as shown (no badge: 0). */
async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId('notification-count');
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

test('Jane sees a reply arrive live in the Inbox, the bell count rises, and she replies', async ({ page, request }) => {
  const stamp = Date.now();
  const opening = `Hi Olivia, are you free for a quick call this week? (${stamp})`;
  const reply = `Hi Jane! Yes, Thursday after 2pm suits me. Should I bring anything? (${stamp})`;
  const answer = `Great, Thursday 3pm it is. Just bring yourself! (${stamp})`;

  // Jane texts Olivia first (through the API), so the reply is a reply to her SMS.
  const token = await login(request, 'jane@acme.test');
  const { candidates } = await graphql<{ candidates: { edges: Array<{ node: { id: string; fullName: string } }> } }>(
    request,
    token,
    'query($search: String) { candidates(search: $search) { edges { node { id fullName } } } }',
    { search: 'Olivia' },
  );
  const olivia = candidates.edges.find(({ node }) => node.fullName === 'Olivia Nguyen')!.node;
  await graphql(request, token, 'mutation($id: ID!, $body: String!) { sendChatMessage(candidateId: $id, body: $body) { id } }', {
    id: olivia.id,
    body: opening,
  });

  const ready = liveSubscriptionsReady(page);
  await signIn(page, 'jane@acme.test');
  await expect(page.getByTestId('credit-balance')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();

  // The conversation is in "Mine"; opening it shows Jane's SMS with its tick and sandbox marker.
  const conversation = page.getByTestId('conversation-item').filter({ hasText: 'Olivia Nguyen' });
  await expect(conversation).toContainText(opening.slice(0, 20));
  await conversation.click();
  await expect(page).toHaveURL(/\/inbox\/[0-9a-f]{24}/);
  const thread = page.getByTestId('thread-messages');
  const opener = thread.getByTestId('thread-message').filter({ hasText: opening });
  await expect(opener).toHaveAttribute('data-direction', 'OUTBOUND');
  await expect(opener.getByTestId('delivery-ticks')).toHaveAttribute('data-status', 'SENT');
  await expect(opener.getByTestId('sandbox-marker')).toBeVisible();
  await expect(page.getByTestId('candidate-summary')).toContainText('+61412345678');
  await expect(page.getByTestId('notification-count')).toHaveCount(0);

  await ready();
  // Anything that reloads the page would lose this.
  await page.evaluate(() => ((window as unknown as { e2eNoReload: boolean }).e2eNoReload = true));

  // Olivia replies by SMS: MessageBird forwards it to the inbound webhook.
  await candidateTexts(request, OLIVIA_MOBILE, reply, `e2e-inbound-${stamp}`);

  // Live: the reply is in the thread, the bell count rose, and a toast carries the full text.
  const received = thread.getByTestId('thread-message').filter({ hasText: reply });
  await expect(received).toHaveAttribute('data-direction', 'INBOUND');
  await expect(page.getByTestId('notification-count')).toHaveText('1');
  await expect(page.getByTestId('reply-toast-body')).toHaveText(reply);
  await expect(conversation.getByTestId('conversation-preview')).toContainText(reply.slice(0, 20));
  expect(await page.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);

  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: 'test-results/inbox-live-reply.png', fullPage: true });

  // Jane answers from the reply box, with the live SMS counter; Ctrl+Enter sends.
  const box = page.getByRole('textbox', { name: 'Reply' });
  await box.fill(answer);
  await expect(page.getByTestId('reply-counter')).toHaveText(`${answer.length} characters · GSM-7 · 1 segment · 1 credit`);
  await box.press('Control+Enter');

  const sent = thread.getByTestId('thread-message').filter({ hasText: answer });
  await expect(sent).toHaveAttribute('data-direction', 'OUTBOUND');
  await expect(sent.getByTestId('delivery-ticks')).toHaveAttribute('data-status', 'SENT');
  await expect(box).toHaveValue('');
  await expect(sent).toHaveCount(1);
  // Working in the thread read the reply: the bell is back to zero.
  await expect(page.getByTestId('notification-count')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);

  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: 'test-results/inbox-live-answered.png', fullPage: true });
});

test('while the live connection is down the header says so, and what arrived meanwhile shows once it is back', async ({ page, request }) => {
  const stamp = Date.now();
  const first = `Hello, this is Liam about the graduate role (${stamp})`;
  const missed = `Liam again: sent while Jane was offline (${stamp})`;

  // The page's WebSocket goes through the test, which can cut it like a dropped network.
  let outage = false;
  let acknowledged = 0;
  const subscribed = new Set<string>();
  let current: { page: { close: (options?: { code?: number; reason?: string }) => Promise<void> }; server: { close: () => Promise<void> } } | null = null;
  await page.routeWebSocket(/\/graphql$/, (socket) => {
    if (outage) {
      void socket.close({ code: 4000, reason: 'e2e: network down' });
      return;
    }
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      const text = String(message);
      const name = /subscription (\w+)/.exec(text)?.[1];
      if (text.includes('"subscribe"') && name) subscribed.add(name);
      server.send(message);
    });
    server.onMessage((message) => {
      if (String(message).includes('"connection_ack"')) acknowledged += 1;
      socket.send(message);
    });
    current = { page: socket, server };
  });

  // Liam texts Jane's number: a new conversation, assigned to her.
  await candidateTexts(request, LIAM_MOBILE, first, `e2e-liam-1-${stamp}`);

  await signIn(page, 'jane@acme.test');
  await expect(page.getByTestId('credit-balance')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
  const conversation = page.getByTestId('conversation-item').filter({ hasText: 'Liam Smith' });
  await conversation.click();
  const thread = page.getByTestId('thread-messages');
  await expect(thread.getByTestId('thread-message').filter({ hasText: first })).toBeVisible();
  await expect.poll(() => acknowledged >= 1 && subscribed.has('InboxMessageReceived') && subscribed.has('NotificationReceived')).toBe(true);
  await page.waitForTimeout(500);
  await expect(page.getByTestId('connection-offline')).toHaveCount(0);
  const before = await bellCount(page);
  await page.evaluate(() => ((window as unknown as { e2eNoReload: boolean }).e2eNoReload = true));

  // The network drops: the header says the app is offline and reconnecting.
  outage = true;
  await current!.page.close({ code: 4000, reason: 'e2e: network down' });
  await current!.server.close();
  await expect(page.getByTestId('connection-offline')).toHaveText('Offline — reconnecting…');

  // A reply arrives meanwhile; no live event can reach the page.
  await candidateTexts(request, LIAM_MOBILE, missed, `e2e-liam-2-${stamp}`);
  await page.waitForTimeout(1_500);
  await expect(thread.getByTestId('thread-message').filter({ hasText: missed })).toHaveCount(0);

  // The network is back: the app reconnects by itself and refetches what it missed.
  outage = false;
  await expect(page.getByTestId('connection-offline')).toHaveCount(0, { timeout: 20_000 });
  await expect(thread.getByTestId('thread-message').filter({ hasText: missed })).toBeVisible();
  await expect(conversation.getByTestId('conversation-preview')).toContainText(missed.slice(0, 20));
  await expect.poll(() => bellCount(page)).toBe(before + 1);
  expect(await page.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);

  // And live events flow again.
  const after = `Liam once more, live (${stamp})`;
  await expect.poll(() => acknowledged).toBeGreaterThanOrEqual(2);
  await page.waitForTimeout(500);
  await candidateTexts(request, LIAM_MOBILE, after, `e2e-liam-3-${stamp}`);
  await expect(thread.getByTestId('thread-message').filter({ hasText: after })).toBeVisible();
});

test("the candidate's profile shows SMS in both directions live, and a simulated reply goes through the inbound path", async ({ page, request }) => {
  const stamp = Date.now();
  const simulated = `Simulated: Noah here, happy to chat (${stamp})`;
  const fromElsewhere = `Sent from another tab: thanks Noah! (${stamp})`;

  const token = await login(request, 'jane@acme.test');
  const { candidates } = await graphql<{ candidates: { edges: Array<{ node: { id: string; fullName: string } }> } }>(
    request,
    token,
    'query($search: String) { candidates(search: $search) { edges { node { id fullName } } } }',
    { search: 'Noah' },
  );
  const noah = candidates.edges.find(({ node }) => node.fullName === 'Noah Brown')!.node;

  const ready = liveSubscriptionsReady(page);
  await signIn(page, 'jane@acme.test');
  await expect(page.getByTestId('credit-balance')).toBeVisible();
  // Through the inbox first, so that all the live subscriptions are up.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
  await ready();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Candidates' }).click();
  await page.goto(`/candidates/${noah.id}`);
  await expect(page.getByRole('heading', { name: 'Noah Brown' })).toBeVisible();
  await page.waitForTimeout(1_000);

  // Sandbox: the candidate "replies" from the profile, through the same path as a real SMS.
  await page.getByRole('button', { name: 'Simulate candidate reply' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel("Candidate's reply").fill(simulated);
  await dialog.getByRole('button', { name: 'Send as Noah Brown' }).click();
  await expect(dialog).toBeHidden();
  const smsThread = page.getByTestId('sms-thread');
  await expect(smsThread.locator('[data-direction="INBOUND"]').filter({ hasText: simulated })).toBeVisible();

  // An SMS to Noah sent elsewhere (another tab, the API) shows up without a reload.
  await page.evaluate(() => ((window as unknown as { e2eNoReload: boolean }).e2eNoReload = true));
  await graphql(request, token, 'mutation($id: ID!, $body: String!) { sendChatMessage(candidateId: $id, body: $body) { id } }', {
    id: noah.id,
    body: fromElsewhere,
  });
  await expect(smsThread.locator('[data-direction="OUTBOUND"]').filter({ hasText: fromElsewhere })).toBeVisible({ timeout: 5_000 });
  expect(await page.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);

  // The simulated reply went to Jane's number, so it is her notification: the bell counts it.
  await expect.poll(() => bellCount(page)).toBeGreaterThan(0);
});
