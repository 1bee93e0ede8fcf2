import type { Client } from 'urql';
import type { ClientOptions, Client as WsClient } from 'graphql-ws';

/**
 * Where the live link (graphql-ws) stands:
 * - `idle`: no socket, and none needed yet (nothing subscribed, or closed on purpose);
 * - `connecting`: the first connection is being made;
 * - `online`: connected and acknowledged; events flow;
 * - `reconnecting`: the socket was lost and graphql-ws is trying again. Events sent meanwhile are
 *   missed, so whoever shows live data refetches after the next `online` (see `onReconnect`).
 */
export type LiveConnectionState = 'idle' | 'connecting' | 'online' | 'reconnecting';

/** Close codes that mean "closed on purpose" rather than "lost". */
const NORMAL_CLOSURE = 1000;
const UNAUTHORIZED = 4401;

/** Send a ping after this much silence… */
export const KEEP_ALIVE_MS = 15_000;
/** …and give up on a socket whose pong does not come back within this time (it is dead, not closed). */
export const PONG_TIMEOUT_MS = 6_000;
/** Reconnect attempts back off exponentially from 1 s up to this ceiling, forever. */
export const MAX_RETRY_WAIT_MS = 10_000;

type SocketOptions = Required<Pick<ClientOptions, 'keepAlive' | 'retryAttempts' | 'shouldRetry' | 'retryWait'>>;
type Listeners = {
  connecting: (isRetry: boolean) => void;
  connected: (socket: unknown, payload: unknown, wasRetry: boolean) => void;
  closed: (event: unknown) => void;
  ping: (received: boolean) => void;
  pong: (received: boolean) => void;
};

export interface LiveConnection {
  getState(): LiveConnectionState;
  /** Called on every state change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Called each time the link is back after having been lost; returns the unsubscribe. */
  onReconnect(listener: () => void): () => void;
  /** graphql-ws `on` listeners that feed this status (spread them into the client's options). */
  readonly listeners: Listeners;
  /** Keep-alive and never-give-up retry settings for graphql-ws. */
  readonly socketOptions: SocketOptions;
  /** Remembers the graphql-ws client, so that a socket which stops answering pings can be terminated. */
  track(ws: WsClient): WsClient;
}

function closeCode(event: unknown): number | undefined {
  const code = (event as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** A connection status fed by graphql-ws events; one per urql client. */
export function createLiveConnection(): LiveConnection {
  let state: LiveConnectionState = 'idle';
  // Lost since the last successful connection: the next `connected` is a reconnect.
  let lost = false;
  let ws: WsClient | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  const stateListeners = new Set<() => void>();
  const reconnectListeners = new Set<() => void>();

  const setState = (next: LiveConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of [...stateListeners]) listener();
  };
  const stopPongTimer = () => {
    if (pongTimer !== undefined) clearTimeout(pongTimer);
    pongTimer = undefined;
  };

  const listeners: Listeners = {
    connecting: (isRetry) => {
      if (isRetry) lost = true;
      setState(lost ? 'reconnecting' : 'connecting');
    },
    connected: (_socket, _payload, wasRetry) => {
      const reconnected = lost || wasRetry;
      lost = false;
      setState('online');
      if (reconnected) for (const listener of [...reconnectListeners]) listener();
    },
    closed: (event) => {
      stopPongTimer();
      const code = closeCode(event);
      if (code === NORMAL_CLOSURE || code === UNAUTHORIZED) {
        // Closed on purpose: nothing subscribed any more, signed out, or the client was disposed.
        // If subscriptions remain, graphql-ws reconnects and says so with `connecting(true)`.
        setState('idle');
        return;
      }
      lost = true;
      setState('reconnecting');
    },
    ping: (received) => {
      // We pinged: the server must answer within PONG_TIMEOUT_MS, or the socket is dead.
      if (received) return;
      stopPongTimer();
      pongTimer = setTimeout(() => {
        pongTimer = undefined;
        ws?.terminate();
      }, PONG_TIMEOUT_MS);
    },
    pong: (received) => {
      if (received) stopPongTimer();
    },
  };

  const socketOptions: SocketOptions = {
    keepAlive: KEEP_ALIVE_MS,
    // A recruiter leaves the inbox open all day: keep trying, however long the outage.
    retryAttempts: Number.POSITIVE_INFINITY,
    // Also retry when the socket errors before opening (server down), which graphql-ws would not.
    shouldRetry: () => true,
    retryWait: async (retries) => {
      const wait = Math.min(1000 * 2 ** retries, MAX_RETRY_WAIT_MS) + Math.floor(Math.random() * 1000);
      await new Promise((resolve) => setTimeout(resolve, wait));
    },
  };

  return {
    getState: () => state,
    subscribe(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    listeners,
    socketOptions,
    track(client) {
      ws = client;
      return client;
    },
  };
}

const connections = new WeakMap<Client, LiveConnection>();
/** For clients without a live link (tests, mocks): always idle, never reconnects. */
const NO_CONNECTION = createLiveConnection();

/** Associates a client with the status of its WebSocket (done once, where the client is made). */
export function registerLiveConnection(client: Client, connection: LiveConnection): void {
  connections.set(client, connection);
}

/** The live connection of a client; an idle stand-in if it has none. */
export function liveConnectionOf(client: Client): LiveConnection {
  return connections.get(client) ?? NO_CONNECTION;
}

/** Whether the client has a live link at all (clients made by createGraphqlClient do). */
export function hasLiveConnection(client: Client): boolean {
  return connections.has(client);
}
