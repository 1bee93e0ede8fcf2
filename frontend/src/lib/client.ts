import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { createLiveConnection, registerLiveConnection } from './live/connection';

/** graphql-ws close code the backend uses for a missing, expired or invalid token. */
export const WS_CLOSE_UNAUTHORIZED = 4401;

export interface GraphqlClientOptions {
  token: string | null;
  /** Called when the server rejects the token (HTTP 401, WebSocket close 4401). */
  onUnauthorized: () => void;
  /** Defaults to `/graphql` on the page's own origin. */
  httpUrl?: string;
  wsUrl?: string;
}

export interface GraphqlClient {
  client: Client;
  /** Closes the WebSocket; call when the token changes or the app unmounts. */
  dispose: () => void;
}

function defaultWsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`;
}

function isUnauthorizedResponse(error: { response?: unknown; graphQLErrors: ReadonlyArray<{ extensions?: Record<string, unknown> }> }): boolean {
  const status = (error.response as { status?: unknown } | undefined)?.status;
  if (status === 401) return true;
  return error.graphQLErrors.some((e) => e.extensions?.classification === 'UNAUTHORIZED');
}

/**
 * One urql client with two links: HTTP (POST) for queries and mutations, graphql-ws for
 * subscriptions. The token goes in the Authorization header and in `connectionParams`,
 * never in a URL. A new client is made per token, so nothing cached for one user is
 * shown to the next.
 */
export function createGraphqlClient({ token, onUnauthorized, httpUrl = '/graphql', wsUrl }: GraphqlClientOptions): GraphqlClient {
  const authorization = token ? `Bearer ${token}` : null;

  // The socket is made on the first subscription and forgotten on dispose, so a client that
  // React (StrictMode) disposes and then keeps using simply opens a new one when needed.
  let ws: WsClient | null = null;
  // Connection status for the UI (offline indicator, refetch after a reconnect); see lib/live.
  const live = createLiveConnection();
  const socket = (): WsClient =>
    (ws ??= live.track(createWsClient({
      url: wsUrl ?? defaultWsUrl(),
      lazy: true,
      connectionParams: () => (authorization ? { Authorization: authorization } : {}),
      ...live.socketOptions,
      on: {
        ...live.listeners,
        closed: (event) => {
          live.listeners.closed(event);
          if ((event as { code?: number } | undefined)?.code === WS_CLOSE_UNAUTHORIZED) onUnauthorized();
        },
      },
    })));

  const client = new Client({
    url: httpUrl,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: (): RequestInit => {
      const headers: Record<string, string> = {};
      if (authorization) headers.Authorization = authorization;
      return { headers };
    },
    exchanges: [
      mapExchange({
        onError(error) {
          if (isUnauthorizedResponse(error)) onUnauthorized();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = socket().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  registerLiveConnection(client, live);

  return {
    client,
    dispose: () => {
      const current = ws;
      ws = null;
      void current?.dispose();
    },
  };
}
