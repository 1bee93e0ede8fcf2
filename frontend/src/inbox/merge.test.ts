import { describe, expect, it } from 'vitest';
import { compareConversations, mergeMessages, newerConversation, sortedMessages } from './merge';
import { aConversation, anOutboundMessage, aMessage } from './testData';

describe('merging messages', () => {
  it('keeps each message once, however often it arrives', () => {
    const first = mergeMessages(new Map(), [aMessage({ id: 'm1' }), aMessage({ id: 'm2', createdAt: '2026-11-02T02:00:00Z' })]);
    const again = mergeMessages(first, [aMessage({ id: 'm2', createdAt: '2026-11-02T02:00:00Z' }), aMessage({ id: 'm1' })]);
    expect(sortedMessages(again).map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('never moves a status back: a late copy with one tick does not undo "delivered"', () => {
    const delivered = mergeMessages(new Map(), [anOutboundMessage({ id: 'm1', status: 'DELIVERED' })]);
    const stale = mergeMessages(delivered, [anOutboundMessage({ id: 'm1', status: 'SENT' })]);
    expect(stale.get('m1')?.status).toBe('DELIVERED');
    const failed = mergeMessages(new Map(), [anOutboundMessage({ id: 'm1', status: 'SENT' }), anOutboundMessage({ id: 'm1', status: 'FAILED' })]);
    expect(failed.get('m1')?.status).toBe('FAILED');
  });

  it('orders by time even when the server writes fractions of seconds differently', () => {
    const messages = mergeMessages(new Map(), [
      aMessage({ id: 'b', createdAt: '2026-11-02T01:00:00Z' }),
      aMessage({ id: 'a', createdAt: '2026-11-02T01:00:00.5Z' }),
      aMessage({ id: 'c', createdAt: '2026-11-02T00:59:59.999999Z' }),
    ]);
    expect(sortedMessages(messages).map((m) => m.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('merging conversations', () => {
  it('keeps the copy with the later activity; on a tie the one learnt last', () => {
    const live = aConversation({ lastMessageAt: '2026-11-02T03:00:00Z', unread: 2 });
    const stalePage = aConversation({ lastMessageAt: '2026-11-02T01:00:00Z', unread: 0 });
    expect(newerConversation(live, stalePage)).toBe(live);
    const read = aConversation({ lastMessageAt: '2026-11-02T03:00:00Z', unread: 0 });
    expect(newerConversation(live, read)).toBe(read);
  });

  it('sorts the most recent activity first', () => {
    const list = [aConversation({ id: 'old', lastMessageAt: '2026-11-01T00:00:00Z' }), aConversation({ id: 'new', lastMessageAt: '2026-11-03T00:00:00Z' })];
    expect(list.sort(compareConversations).map((c) => c.id)).toEqual(['new', 'old']);
  });
});
