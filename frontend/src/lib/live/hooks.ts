import { useEffect, useRef, useSyncExternalStore } from 'react';
import { createRequest, useClient, type AnyVariables, type TypedDocumentNode } from 'urql';
import { onEnd, pipe, subscribe } from 'wonka';
import { hasLiveConnection, liveConnectionOf, type LiveConnectionState } from './connection';

/** The state of the app's live link, re-rendering on change. */
export function useLiveConnectionState(): LiveConnectionState {
  const connection = liveConnectionOf(useClient());
  return useSyncExternalStore(connection.subscribe, connection.getState, connection.getState);
}

/**
 * Runs `callback` each time the live link comes back after being lost: events sent meanwhile
 * were missed, so refetch whatever they would have changed. The latest callback is used.
 */
export function useOnReconnect(callback: () => void): void {
  const client = useClient();
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => liveConnectionOf(client).onReconnect(() => latest.current()), [client]);
}

/** A subscription the server or the socket ended (a fatal close, a server error) starts again after this. */
export const RESUBSCRIBE_MS = 3_000;

/**
 * Subscribes to a GraphQL subscription for as long as the component is mounted (and not
 * paused), calling `onData` with each event. The effect returns its cleanup, so nothing leaks on
 * unmount. urql shares one server subscription among all components using the same document.
 * graphql-ws reconnects a lost socket by itself; if the subscription ends anyway (a close code it
 * treats as fatal, an error from the server), it is started again. A client without a live link
 * (one not made by createGraphqlClient, e.g. a test's mock) has nothing to subscribe with: no-op.
 */
export function useLiveSubscription<Data, Variables extends AnyVariables = AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  onData: (data: Data) => void,
  { pause = false, variables }: { pause?: boolean; variables?: Variables } = {},
): void {
  const client = useClient();
  const latest = useRef(onData);
  useEffect(() => {
    latest.current = onData;
  });
  const variablesKey = JSON.stringify(variables ?? {});
  useEffect(() => {
    if (pause || !hasLiveConnection(client)) return undefined;
    const request = createRequest(query, JSON.parse(variablesKey) as Variables);
    let disposed = false;
    let restart: ReturnType<typeof setTimeout> | undefined;
    let current: { unsubscribe: () => void } | null = null;
    const start = () => {
      current = pipe(
        client.executeSubscription<Data, Variables>(request),
        onEnd(() => {
          if (!disposed) restart = setTimeout(start, RESUBSCRIBE_MS);
        }),
        subscribe((result) => {
          if (result.data) latest.current(result.data);
        }),
      );
    };
    start();
    return () => {
      disposed = true;
      clearTimeout(restart);
      current?.unsubscribe();
    };
  }, [client, query, pause, variablesKey]);
}

/**
 * A callback that runs `callback` once, `delayMs` after the last call (for refetches that
 * several events in a burst would otherwise each trigger). Pending calls are dropped on unmount.
 */
export function useDebouncedCallback(callback: () => void, delayMs: number): () => void {
  const latest = useRef(callback);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(
    () => () => {
      if (timer.current !== undefined) clearTimeout(timer.current);
    },
    [],
  );
  const trigger = useRef(() => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      latest.current();
    }, delayMs);
  });
  return trigger.current;
}
