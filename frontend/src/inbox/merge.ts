import type { MessageStatus } from '../gql/graphql';
import type { InboxConversation, InboxMessage } from './fragments';

/*
 * The inbox learns about the same message or conversation from several places that can overlap
 * and arrive in any order: pages it fetched, live events, mutation answers, a refetch after a
 * reconnect. These rules merge them so that each shows once, in its latest known state.
 */

/** Milliseconds of a DateTime; the server's fractions vary in length, so strings do not compare. */
export function timeOf(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

const STATUS_RANK: Record<MessageStatus, number> = { QUEUED: 0, SENT: 1, DELIVERED: 2, FAILED: 2, RECEIVED: 2 };

/**
 * The newer of two copies of one message. A status only moves forward (queued → sent →
 * delivered/failed, and the server never changes a final one), so a late copy with an earlier
 * status (a page fetched before the delivery report) never turns two ticks back into one.
 */
export function newerMessage(current: InboxMessage | undefined, incoming: InboxMessage): InboxMessage {
  if (!current) return incoming;
  return STATUS_RANK[incoming.status] >= STATUS_RANK[current.status] ? incoming : current;
}

/** Oldest first, like a phone; ties (same millisecond) keep a stable order by id. */
export function compareMessages(a: InboxMessage, b: InboxMessage): number {
  // Ids are MongoDB ObjectIds: they grow with time too, which orders messages of one millisecond.
  return timeOf(a.createdAt) - timeOf(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Adds or updates messages by id: each message appears once, however often it arrives. */
export function mergeMessages(current: ReadonlyMap<string, InboxMessage>, incoming: Iterable<InboxMessage>): Map<string, InboxMessage> {
  const next = new Map(current);
  for (const message of incoming) next.set(message.id, newerMessage(next.get(message.id), message));
  return next;
}

export function sortedMessages(messages: ReadonlyMap<string, InboxMessage>): InboxMessage[] {
  return [...messages.values()].sort(compareMessages);
}

/**
 * The newer of two copies of one conversation: the one with the later last activity; on a tie
 * the incoming one (it was learnt later, e.g. the answer to "mark read").
 */
export function newerConversation(current: InboxConversation | undefined, incoming: InboxConversation): InboxConversation {
  if (!current) return incoming;
  return timeOf(incoming.lastMessageAt) >= timeOf(current.lastMessageAt) ? incoming : current;
}

/** Most recent activity first, as the server orders the inbox. */
export function compareConversations(a: InboxConversation, b: InboxConversation): number {
  return timeOf(b.lastMessageAt) - timeOf(a.lastMessageAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** A conversation after one of its messages (e.g. one we just sent): later activity and preview. */
export function withMessage(conversation: InboxConversation, message: InboxMessage): InboxConversation {
  if (timeOf(message.createdAt) < timeOf(conversation.lastMessageAt)) return conversation;
  return { ...conversation, lastMessageAt: message.createdAt, preview: message.body };
}
