import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { useClient, type CombinedError } from 'urql';
import { getFragmentData, graphql } from '../gql';
import { fetchQuery } from '../lib/live/fetchQuery';
import { InboxConversationFields, type InboxConversation, type InboxMessage } from './fragments';
import type { inboxVariables } from './filters';
import { compareConversations, newerConversation, timeOf, withMessage } from './merge';

export const InboxConversationsQuery = graphql(`
  query InboxConversations($mine: Boolean, $unreadOnly: Boolean, $since: DateTime, $search: String, $first: Int, $after: String) {
    inbox(mine: $mine, unreadOnly: $unreadOnly, since: $since, search: $search, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...InboxConversationFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const INBOX_PAGE_SIZE = 25;
/** The most the API returns at once; a refetch re-reads up to this many. */
const MAX_PAGE = 100;

type Variables = ReturnType<typeof inboxVariables>;

interface Entry {
  conversation: InboxConversation;
  /** The fetch generation current when a live event or action last changed this entry. */
  touched: number;
}

interface State {
  key: string;
  entries: ReadonlyMap<string, Entry>;
  /** Conversation id → last activity it was read through: older copies show no unread. */
  readThrough: ReadonlyMap<string, number>;
  endCursor: string | null;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: CombinedError | null;
}

type Action =
  | { type: 'reset'; key: string }
  | {
      type: 'page';
      key: string;
      generation: number;
      replace: boolean;
      conversations: InboxConversation[];
      endCursor: string | null;
      hasMore: boolean;
    }
  | { type: 'loadingMore'; key: string }
  | { type: 'error'; key: string; error: CombinedError }
  | { type: 'upsert'; conversation: InboxConversation; generation: number; insert: boolean }
  | { type: 'message'; message: InboxMessage; generation: number }
  | { type: 'read'; id: string; lastMessageAt: string };

const initial = (key: string): State => ({
  key,
  entries: new Map(),
  readThrough: new Map(),
  endCursor: null,
  hasMore: false,
  loading: true,
  loadingMore: false,
  error: null,
});

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'reset':
      return initial(action.key);
    case 'loadingMore':
      return action.key === state.key ? { ...state, loadingMore: true } : state;
    case 'error':
      return action.key === state.key ? { ...state, loading: false, loadingMore: false, error: action.error } : state;
    case 'page': {
      if (action.key !== state.key) return state;
      // A refetch replaces the list, except what live events changed after it was asked for.
      const entries = new Map<string, Entry>();
      for (const [id, entry] of state.entries) {
        if (!action.replace || entry.touched >= action.generation) entries.set(id, entry);
      }
      for (const conversation of action.conversations) {
        const current = entries.get(conversation.id);
        const merged = newerConversation(current?.conversation, conversation);
        entries.set(conversation.id, { conversation: merged, touched: merged === conversation ? 0 : (current?.touched ?? 0) });
      }
      return { ...state, entries, endCursor: action.endCursor, hasMore: action.hasMore, loading: false, loadingMore: false, error: null };
    }
    case 'upsert': {
      const current = state.entries.get(action.conversation.id);
      if (!current && !action.insert) return state;
      const entries = new Map(state.entries);
      entries.set(action.conversation.id, {
        conversation: newerConversation(current?.conversation, action.conversation),
        touched: action.generation,
      });
      return { ...state, entries };
    }
    case 'message': {
      const current = state.entries.get(action.message.conversationId);
      if (!current) return state;
      const conversation = withMessage(current.conversation, action.message);
      if (conversation === current.conversation) return state;
      const entries = new Map(state.entries);
      entries.set(conversation.id, { conversation, touched: action.generation });
      return { ...state, entries };
    }
    case 'read': {
      const readThrough = new Map(state.readThrough);
      readThrough.set(action.id, Math.max(readThrough.get(action.id) ?? 0, timeOf(action.lastMessageAt)));
      return { ...state, readThrough };
    }
  }
}

/**
 * The conversation list for the given filters: the first page, "Load more", live changes merged
 * in (each conversation once, in activity order), and a refetch for what live events cannot say.
 */
export function useInboxList(variables: Variables) {
  const client = useClient();
  const key = JSON.stringify(variables);
  const [state, dispatch] = useReducer(reducer, key, initial);
  // Counts fetches started; live changes remember it, so an older fetch's answer cannot undo them.
  const generation = useRef(0);
  const loaded = useRef(0);
  loaded.current = state.entries.size;
  const current = useRef({ key, variables, endCursor: state.endCursor });
  current.current = { key, variables, endCursor: state.endCursor };

  const fetchPage = useCallback(
    async (mode: 'first' | 'refresh' | 'more') => {
      const { key: requestKey, variables: requestVariables, endCursor } = current.current;
      const requestGeneration = ++generation.current;
      const first = mode === 'refresh' ? Math.min(MAX_PAGE, Math.max(INBOX_PAGE_SIZE, loaded.current)) : INBOX_PAGE_SIZE;
      if (mode === 'more') dispatch({ type: 'loadingMore', key: requestKey });
      const result = await fetchQuery(client, InboxConversationsQuery, {
        ...requestVariables,
        first,
        after: mode === 'more' ? endCursor : null,
      });
      if (result.error || !result.data) {
        if (result.error) dispatch({ type: 'error', key: requestKey, error: result.error });
        return;
      }
      const { edges, pageInfo } = result.data.inbox;
      dispatch({
        type: 'page',
        key: requestKey,
        generation: requestGeneration,
        replace: mode !== 'more',
        conversations: edges.map((edge) => getFragmentData(InboxConversationFields, edge.node)),
        endCursor: pageInfo.endCursor ?? null,
        hasMore: pageInfo.hasNextPage,
      });
    },
    [client],
  );

  useEffect(() => {
    dispatch({ type: 'reset', key });
    void fetchPage('first');
  }, [key, fetchPage]);

  const conversations = useMemo(() => {
    const list = [...state.entries.values()].map(({ conversation }) => {
      const readAt = state.readThrough.get(conversation.id);
      return readAt !== undefined && conversation.unread > 0 && timeOf(conversation.lastMessageAt) <= readAt
        ? { ...conversation, unread: 0 }
        : conversation;
    });
    return list.sort(compareConversations);
  }, [state.entries, state.readThrough]);

  return {
    conversations,
    loading: state.loading && state.entries.size === 0,
    error: state.error,
    hasMore: state.hasMore,
    loadingMore: state.loadingMore,
    loadMore: useCallback(() => void fetchPage('more'), [fetchPage]),
    /** Re-reads the list (after a reconnect, or when a live event cannot say where something belongs). */
    refresh: useCallback(() => void fetchPage('refresh'), [fetchPage]),
    /** A conversation as a live event or an action left it; `insert` adds it if not listed yet. */
    upsert: useCallback((conversation: InboxConversation, insert: boolean) => {
      dispatch({ type: 'upsert', conversation, insert, generation: generation.current });
    }, []),
    /** A message of ours (sent here or elsewhere): moves its conversation up. Returns nothing; see `has`. */
    applyMessage: useCallback((message: InboxMessage) => {
      dispatch({ type: 'message', message, generation: generation.current });
    }, []),
    markedRead: useCallback((id: string, lastMessageAt: string) => dispatch({ type: 'read', id, lastMessageAt }), []),
    has: useCallback((id: string) => state.entries.has(id), [state.entries]),
  };
}
