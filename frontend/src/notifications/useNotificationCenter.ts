import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { useClient } from 'urql';
import { getFragmentData, graphql, type DocumentType } from '../gql';
import { fetchQuery } from '../lib/live/fetchQuery';
import { useLiveSubscription, useOnReconnect } from '../lib/live/hooks';
import { useNotificationsChanged } from './notificationSync';
import { useMarkAllNotificationsRead } from './useMarkAllNotificationsRead';
import { useMarkNotificationRead } from './useMarkNotificationRead';

export const NotificationFields = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    body
    candidateName
    conversationId
    createdAt
    readAt
  }
`);

export type NotificationItem = DocumentType<typeof NotificationFields>;

export const NotificationCenterQuery = graphql(`
  query NotificationCenter {
    unreadNotificationCount
    notifications {
      id
      ...NotificationFields
    }
  }
`);

export const NotificationReceivedSubscription = graphql(`
  subscription NotificationReceived {
    notificationReceived {
      id
      ...NotificationFields
    }
  }
`);

/*
 * The bell's state comes from three places that overlap: the server's list and count, live
 * notifications, and reads marked here. Each local change remembers the fetch generation current
 * when it happened; a fetch's answer replaces only what happened before that fetch was asked
 * for. So a notification that arrives live and is also in the next answer counts once, and a
 * read marked here is not undone by an answer that was already on its way.
 */

interface Stamped<T> {
  value: T;
  generation: number;
}

interface State {
  loaded: boolean;
  serverCount: number;
  serverItems: NotificationItem[];
  live: ReadonlyMap<string, Stamped<NotificationItem>>;
  reads: ReadonlyMap<string, Stamped<string>>;
  /** "Mark all read" also covers unread notifications beyond the listed 100. */
  allRead: Stamped<true> | null;
}

type Action =
  | { type: 'fetched'; generation: number; count: number; items: NotificationItem[] }
  | { type: 'live'; generation: number; item: NotificationItem }
  | { type: 'read'; generation: number; ids: string[]; at: string; all: boolean };

const initial: State = { loaded: false, serverCount: 0, serverItems: [], live: new Map(), reads: new Map(), allRead: null };

function newerThan<T>(map: ReadonlyMap<string, Stamped<T>>, generation: number): Map<string, Stamped<T>> {
  return new Map([...map].filter(([, entry]) => entry.generation >= generation));
}

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'fetched':
      return {
        loaded: true,
        serverCount: action.count,
        serverItems: action.items,
        live: newerThan(state.live, action.generation),
        reads: newerThan(state.reads, action.generation),
        allRead: state.allRead && state.allRead.generation >= action.generation ? state.allRead : null,
      };
    case 'live': {
      if (state.live.has(action.item.id)) return state;
      const live = new Map(state.live);
      live.set(action.item.id, { value: action.item, generation: action.generation });
      return { ...state, live };
    }
    case 'read': {
      const reads = new Map(state.reads);
      for (const id of action.ids) reads.set(id, { value: action.at, generation: action.generation });
      return { ...state, reads, allRead: action.all ? { value: true, generation: action.generation } : state.allRead };
    }
  }
}

function derive(state: State) {
  const byId = new Map<string, NotificationItem>();
  for (const item of state.serverItems) byId.set(item.id, item);
  for (const { value } of state.live.values()) if (!byId.has(value.id)) byId.set(value.id, value);
  const items = [...byId.values()]
    .map((item) => {
      const readAt = item.readAt ?? state.reads.get(item.id)?.value ?? null;
      return readAt === item.readAt ? item : { ...item, readAt };
    })
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
  const listedUnreadOnServer = state.serverItems.filter((item) => !item.readAt).length;
  const beyondList = state.allRead ? 0 : Math.max(0, state.serverCount - listedUnreadOnServer);
  const unreadCount = items.filter((item) => !item.readAt).length + beyondList;
  return { items, unreadCount };
}

/**
 * The signed-in user's notifications for the bell: the newest 100 and the unread count, live
 * (`notificationReceived`), re-read after a reconnect and when something else reads them.
 * `onArrival` runs once per new notification (for the toast).
 */
export function useNotificationCenter({ onArrival }: { onArrival?: (item: NotificationItem) => void } = {}) {
  const client = useClient();
  const [state, dispatch] = useReducer(reducer, initial);
  const generation = useRef(0);
  const seen = useRef(new Set<string>());
  const [, markOne] = useMarkNotificationRead();
  const [, markAll] = useMarkAllNotificationsRead();

  const refetch = useCallback(async () => {
    const requested = ++generation.current;
    const result = await fetchQuery(client, NotificationCenterQuery, {});
    if (!result.data) return;
    const items = result.data.notifications.map((item) => getFragmentData(NotificationFields, item));
    for (const item of items) seen.current.add(item.id);
    dispatch({ type: 'fetched', generation: requested, count: result.data.unreadNotificationCount, items });
  }, [client]);

  useEffect(() => {
    void refetch();
  }, [refetch]);
  useOnReconnect(() => void refetch());
  useNotificationsChanged(() => void refetch());

  useLiveSubscription(NotificationReceivedSubscription, (data) => {
    const item = getFragmentData(NotificationFields, data.notificationReceived);
    dispatch({ type: 'live', generation: generation.current, item });
    if (seen.current.has(item.id)) return;
    seen.current.add(item.id);
    onArrival?.(item);
  });

  const derived = useMemo(() => derive(state), [state]);

  const markRead = useCallback(
    async (id: string) => {
      // Stamped one generation ahead: a fetch already on its way, or started before the server
      // applied the read, must not bring the notification back as unread.
      dispatch({ type: 'read', generation: generation.current + 1, ids: [id], at: new Date().toISOString(), all: false });
      await markOne({ id });
    },
    [markOne],
  );

  const markAllRead = useCallback(async () => {
    const ids = derived.items.filter((item) => !item.readAt).map((item) => item.id);
    dispatch({ type: 'read', generation: generation.current + 1, ids, at: new Date().toISOString(), all: true });
    const result = await markAll({});
    if (!result.error) void refetch();
  }, [derived.items, markAll, refetch]);

  return { ...derived, loaded: state.loaded, markRead, markAllRead, refetch };
}
