import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { useClient, type CombinedError } from 'urql';
import { getFragmentData, graphql } from '../gql';
import { fetchQuery } from '../lib/live/fetchQuery';
import { InboxConversationFields, InboxMessageFields, type InboxConversation, type InboxMessage } from './fragments';
import { mergeMessages, newerConversation, sortedMessages } from './merge';

export const InboxThreadQuery = graphql(`
  query InboxThread($id: ID!, $first: Int, $before: ID) {
    conversation(id: $id) {
      id
      ...InboxConversationFields
      candidate {
        id
        email
      }
      messages(first: $first, before: $before) {
        id
        ...InboxMessageFields
      }
    }
  }
`);

export const THREAD_PAGE_SIZE = 30;
/** After a reconnect, re-read this many of the newest messages (what may have been missed). */
const REFRESH_SIZE = 50;

export type ThreadConversation = InboxConversation & { candidate: InboxConversation['candidate'] & { email?: string | null } };

interface State {
  id: string;
  conversation: ThreadConversation | null;
  messages: ReadonlyMap<string, InboxMessage>;
  hasOlder: boolean;
  loading: boolean;
  loadingOlder: boolean;
  notFound: boolean;
  error: CombinedError | null;
}

type Action =
  | { type: 'reset'; id: string }
  | { type: 'loaded'; id: string; mode: 'first' | 'refresh' | 'older'; conversation: ThreadConversation | null; messages: InboxMessage[]; full: boolean }
  | { type: 'loadingOlder'; id: string }
  | { type: 'error'; id: string; error: CombinedError }
  | { type: 'message'; message: InboxMessage }
  | { type: 'conversation'; conversation: InboxConversation };

const initial = (id: string): State => ({
  id,
  conversation: null,
  messages: new Map(),
  hasOlder: false,
  loading: true,
  loadingOlder: false,
  notFound: false,
  error: null,
});

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'reset':
      return initial(action.id);
    case 'loadingOlder':
      return action.id === state.id ? { ...state, loadingOlder: true } : state;
    case 'error':
      return action.id === state.id ? { ...state, loading: false, loadingOlder: false, error: action.error } : state;
    case 'loaded': {
      if (action.id !== state.id) return state;
      if (!action.conversation) return { ...state, loading: false, loadingOlder: false, notFound: true, conversation: null };
      const conversation = state.conversation
        ? ({ ...action.conversation, ...newerConversation(state.conversation, action.conversation) } as ThreadConversation)
        : action.conversation;
      return {
        ...state,
        conversation,
        messages: mergeMessages(state.messages, action.messages),
        // A full page may have more behind it; a refetch of the newest messages says nothing about that.
        hasOlder: action.mode === 'refresh' ? state.hasOlder : action.full,
        loading: false,
        loadingOlder: false,
        notFound: false,
        error: null,
      };
    }
    case 'message':
      // Also while the first page loads: it may have been read just before this message was stored.
      if (action.message.conversationId !== state.id) return state;
      return { ...state, messages: mergeMessages(state.messages, [action.message]) };
    case 'conversation': {
      if (action.conversation.id !== state.id || !state.conversation) return state;
      const merged = newerConversation(state.conversation, action.conversation);
      if (merged === state.conversation) return state;
      // Keep what only the thread query reads (the candidate's email).
      const candidate = { ...state.conversation.candidate, ...merged.candidate };
      return { ...state, conversation: { ...merged, candidate } };
    }
  }
}

/**
 * One conversation's thread: the newest page, older pages on demand, and live messages and
 * delivery reports merged in by id (a message that arrives twice shows once).
 */
export function useConversationThread(id: string | null) {
  const client = useClient();
  const [state, dispatch] = useReducer(reducer, id ?? '', initial);
  const current = useRef({ id, state });
  current.current = { id, state };

  const fetchMessages = useCallback(
    async (mode: 'first' | 'refresh' | 'older') => {
      const { id: requestId, state: now } = current.current;
      if (!requestId) return;
      const oldest = mode === 'older' ? sortedMessages(now.messages)[0] : undefined;
      if (mode === 'older') {
        if (!oldest) return;
        dispatch({ type: 'loadingOlder', id: requestId });
      }
      const first = mode === 'refresh' ? REFRESH_SIZE : THREAD_PAGE_SIZE;
      const result = await fetchQuery(client, InboxThreadQuery, { id: requestId, first, before: oldest?.id ?? null });
      if (result.error || !result.data) {
        if (result.error) dispatch({ type: 'error', id: requestId, error: result.error });
        return;
      }
      const found = result.data.conversation;
      const conversation = found
        ? ({
            ...getFragmentData(InboxConversationFields, found),
            candidate: { ...getFragmentData(InboxConversationFields, found).candidate, email: found.candidate.email },
          } as ThreadConversation)
        : null;
      const messages = found ? found.messages.map((message) => getFragmentData(InboxMessageFields, message)) : [];
      dispatch({ type: 'loaded', id: requestId, mode, conversation, messages, full: messages.length >= first });
    },
    [client],
  );

  useEffect(() => {
    dispatch({ type: 'reset', id: id ?? '' });
    if (id) void fetchMessages('first');
  }, [id, fetchMessages]);

  const messages = useMemo(() => sortedMessages(state.messages), [state.messages]);

  return {
    conversation: state.conversation,
    messages,
    loading: !!id && state.loading,
    notFound: state.notFound,
    error: state.error,
    hasOlder: state.hasOlder,
    loadingOlder: state.loadingOlder,
    loadOlder: useCallback(() => {
      if (!current.current.state.loadingOlder) void fetchMessages('older');
    }, [fetchMessages]),
    /** Re-reads the newest messages and the conversation (after a reconnect; after an opt-out keyword). */
    refresh: useCallback(() => void fetchMessages('refresh'), [fetchMessages]),
    /** A message from a live event, a send, or a simulated reply; ignored if of another conversation. */
    addMessage: useCallback((message: InboxMessage) => dispatch({ type: 'message', message }), []),
    updateConversation: useCallback((conversation: InboxConversation) => dispatch({ type: 'conversation', conversation }), []),
  };
}
