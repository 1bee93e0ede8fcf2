import type { InboxConversation, InboxMessage } from './fragments';
import { timeOf } from './merge';

export type InboxTab = 'mine' | 'shared';
export type DateRange = 'month' | 'year' | 'all';

export const DATE_RANGES: ReadonlyArray<{ value: DateRange; label: string }> = [
  { value: 'month', label: 'Last month' },
  { value: 'year', label: 'Last year' },
  { value: 'all', label: 'All' },
];

export interface InboxFilters {
  tab: InboxTab;
  range: DateRange;
  /** Already debounced and trimmed; empty: no search. */
  search: string;
  unreadOnly: boolean;
}

export const DEFAULT_FILTERS: InboxFilters = { tab: 'mine', range: 'all', search: '', unreadOnly: false };

/**
 * The `since` argument for a date range: the same day one month (or year) before `now`, from
 * midnight in the reader's timezone, so that it stays the same all day (stable variables, one
 * fetch). 31 March minus a month is 28/29 February, not 3 March. `all`: no limit.
 */
export function sinceFor(range: DateRange, now: Date = new Date()): string | null {
  if (range === 'all') return null;
  const day = now.getDate();
  const since = new Date(now.getFullYear(), now.getMonth(), 1, 0, 0, 0, 0);
  if (range === 'month') since.setMonth(since.getMonth() - 1);
  else since.setFullYear(since.getFullYear() - 1);
  const daysInMonth = new Date(since.getFullYear(), since.getMonth() + 1, 0).getDate();
  since.setDate(Math.min(day, daysInMonth));
  return since.toISOString();
}

/** The `inbox(…)` arguments for the filters. */
export function inboxVariables(filters: InboxFilters, now: Date = new Date()) {
  return {
    mine: filters.tab === 'mine',
    unreadOnly: filters.unreadOnly,
    since: sinceFor(filters.range, now),
    search: filters.search === '' ? null : filters.search,
  };
}

export interface Viewer {
  id: string;
  role: string;
}

/**
 * Whether a conversation a live event brought in belongs in the list as filtered, by the
 * server's rules: "Mine" is what is assigned to me (an admin also gets the unassigned ones).
 * Search can only be approximated here (candidate name or number, or this message's text);
 * a conversation matching on an older message shows at the next refetch.
 */
export function belongsInList(
  conversation: InboxConversation,
  message: InboxMessage | null,
  variables: ReturnType<typeof inboxVariables>,
  viewer: Viewer | null,
): boolean {
  if (variables.mine) {
    if (!viewer) return false;
    const assigned = conversation.assignedUser?.id ?? null;
    if (assigned !== viewer.id && !(assigned === null && viewer.role === 'ADMIN')) return false;
  }
  if (variables.unreadOnly && conversation.unread === 0) return false;
  if (variables.since && timeOf(conversation.lastMessageAt) < timeOf(variables.since)) return false;
  if (variables.search) {
    const needle = variables.search.toLocaleLowerCase();
    const haystacks = [conversation.candidate.fullName, conversation.candidate.mobile ?? '', message?.body ?? ''];
    if (!haystacks.some((text) => text.toLocaleLowerCase().includes(needle))) return false;
  }
  return true;
}
