import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gql } from 'urql';
import type { ClientOptions } from 'graphql-ws';
import { createGraphqlClient, WS_CLOSE_UNAUTHORIZED } from './client';

// Capture what the app hands graphql-ws, without opening sockets.
const wsClients = vi.hoisted(
  () => [] as Array<{ options: unknown; dispose: ReturnType<typeof vi.fn>; subscribe: ReturnType<typeof vi.fn> }>,
);
vi.mock('graphql-ws', () => ({
  createClient: (options: unknown) => {
    const client = { options, dispose: vi.fn(), subscribe: vi.fn(() => () => {}) };
    wsClients.push(client);
    return client;
  },
}));
import { errorClassification, errorMessage } from './errors';

// Plain `gql` keeps this test-only document out of the generated code.
const ClientTestQuery = gql<{ account: { id: string; credits: number } }>`
  query ClientTest {
    account {
      id
      credits
    }
  }
`;

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/graphql-response+json' } });
}

describe('createGraphqlClient', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('POSTs to /graphql with the bearer token', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { data: { account: { __typename: 'Account', id: 'a', credits: 500 } } }));
    const onUnauthorized = vi.fn();
    const { client, dispose } = createGraphqlClient({ token: 'tok-123', onUnauthorized });

    const result = await client.query(ClientTestQuery, {}).toPromise();

    expect(result.data?.account.credits).toBe(500);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer tok-123');
    expect(onUnauthorized).not.toHaveBeenCalled();
    dispose();
  });

  it('signs out when the server answers HTTP 401', async () => {
    fetchMock.mockResolvedValue(new Response('', { status: 401 }));
    const onUnauthorized = vi.fn();
    const { client, dispose } = createGraphqlClient({ token: 'expired', onUnauthorized });

    const result = await client.query(ClientTestQuery, {}).toPromise();

    expect(result.error).toBeDefined();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    dispose();
  });

  it('passes GraphQL errors through with their classification and message', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(200, {
        data: null,
        errors: [{ message: 'Only account admins can manage API keys.', extensions: { classification: 'FORBIDDEN' } }],
      }),
    );
    const onUnauthorized = vi.fn();
    const { client, dispose } = createGraphqlClient({ token: 'tok', onUnauthorized });

    const result = await client.query(ClientTestQuery, {}).toPromise();

    expect(errorClassification(result.error)).toBe('FORBIDDEN');
    expect(errorMessage(result.error)).toBe('Only account admins can manage API keys.');
    expect(onUnauthorized).not.toHaveBeenCalled();
    dispose();
  });
});

describe('graphql-ws link', () => {
  beforeEach(() => {
    wsClients.length = 0;
  });

  // urql hands a subscription to the exchange on the next microtask.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  const TestSubscription = gql`
    subscription TestEvents {
      inboxMessageReceived {
        id
      }
    }
  `;

  it('opens no socket until something subscribes', () => {
    createGraphqlClient({ token: 'tok-ws', onUnauthorized: vi.fn() });
    expect(wsClients).toHaveLength(0);
  });

  it('connects lazily to /graphql on the same host with the token in connectionParams', async () => {
    const { client, dispose } = createGraphqlClient({ token: 'tok-ws', onUnauthorized: vi.fn() });
    const subscription = client.subscription(TestSubscription, {}).subscribe(() => {});
    await settle();
    expect(wsClients).toHaveLength(1);
    expect(wsClients[0]!.subscribe).toHaveBeenCalledTimes(1);
    const options = wsClients[0]!.options as ClientOptions;

    expect(options.url).toBe(`ws://${window.location.host}/graphql`);
    expect(options.lazy).toBe(true);
    const params = typeof options.connectionParams === 'function' ? await options.connectionParams() : options.connectionParams;
    expect(params).toEqual({ Authorization: 'Bearer tok-ws' });

    subscription.unsubscribe();
    dispose();
    expect(wsClients[0]!.dispose).toHaveBeenCalled();

    // Used again after dispose (React StrictMode does this): a fresh socket, not a dead one.
    const again = client.subscription(TestSubscription, {}).subscribe(() => {});
    await settle();
    expect(wsClients).toHaveLength(2);
    again.unsubscribe();
  });

  it('signs out when the server closes the socket with 4401, not on other closes', async () => {
    const onUnauthorized = vi.fn();
    const { client } = createGraphqlClient({ token: 'tok-ws', onUnauthorized });
    client.subscription(TestSubscription, {}).subscribe(() => {});
    await settle();
    const closed = (wsClients[0]!.options as ClientOptions).on?.closed;

    closed?.({ code: 1000, reason: 'Normal Closure' });
    closed?.({ code: 1006, reason: '' });
    expect(onUnauthorized).not.toHaveBeenCalled();

    closed?.({ code: WS_CLOSE_UNAUTHORIZED, reason: 'Unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});
