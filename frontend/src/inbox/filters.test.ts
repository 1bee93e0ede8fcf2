import { describe, expect, it } from 'vitest';
import { belongsInList, inboxVariables, sinceFor } from './filters';
import { aConversation, aMessage } from './testData';

describe('the date filter', () => {
  const now = new Date(2026, 10, 15, 14, 30); // 15 Nov 2026, 14:30 local

  it('computes `since` from midnight, one month or one year back', () => {
    expect(sinceFor('month', now)).toBe(new Date(2026, 9, 15).toISOString());
    expect(sinceFor('year', now)).toBe(new Date(2025, 10, 15).toISOString());
    expect(sinceFor('all', now)).toBeNull();
  });

  it('stays on a real day at the end of a month', () => {
    expect(sinceFor('month', new Date(2026, 2, 31, 9))).toBe(new Date(2026, 1, 28).toISOString());
    expect(sinceFor('year', new Date(2028, 1, 29, 9))).toBe(new Date(2027, 1, 28).toISOString());
  });

  it('is the same all day, so the list is not refetched as the clock moves', () => {
    expect(sinceFor('month', new Date(2026, 10, 15, 0, 1))).toBe(sinceFor('month', new Date(2026, 10, 15, 23, 59)));
  });

  it('turns the filters into inbox arguments', () => {
    expect(inboxVariables({ tab: 'mine', range: 'all', search: '', unreadOnly: false }, now)).toEqual({
      mine: true,
      unreadOnly: false,
      since: null,
      search: null,
    });
    expect(inboxVariables({ tab: 'shared', range: 'year', search: 'olivia', unreadOnly: true }, now)).toEqual({
      mine: false,
      unreadOnly: true,
      since: new Date(2025, 10, 15).toISOString(),
      search: 'olivia',
    });
  });
});

describe('whether a live conversation belongs in the list', () => {
  const jane = { id: 'u-jane', role: 'RECRUITER' };
  const admin = { id: 'u-admin', role: 'ADMIN' };
  const mine = inboxVariables({ tab: 'mine', range: 'all', search: '', unreadOnly: false });
  const shared = inboxVariables({ tab: 'shared', range: 'all', search: '', unreadOnly: false });

  it('puts in "Mine" what is assigned to me, and unassigned ones for admins', () => {
    const janes = aConversation();
    const unassigned = aConversation({ assignedUser: null });
    expect(belongsInList(janes, null, mine, jane)).toBe(true);
    expect(belongsInList(janes, null, mine, admin)).toBe(false);
    expect(belongsInList(unassigned, null, mine, jane)).toBe(false);
    expect(belongsInList(unassigned, null, mine, admin)).toBe(true);
    expect(belongsInList(unassigned, null, shared, jane)).toBe(true);
  });

  it('approximates search by name, number and the new message', () => {
    const search = (text: string) => inboxVariables({ tab: 'shared', range: 'all', search: text, unreadOnly: false });
    const message = aMessage({ body: 'Can we meet Tuesday?' });
    expect(belongsInList(aConversation(), message, search('olivia'), jane)).toBe(true);
    expect(belongsInList(aConversation(), message, search('tuesday'), jane)).toBe(true);
    expect(belongsInList(aConversation(), message, search('liam'), jane)).toBe(false);
  });
});
