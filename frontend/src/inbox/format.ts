const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayYearFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
const dividerFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** A list's time: "14:05" today, "Mon" this week, "3 Nov" this year, "3 Nov 2025" before. */
export function formatListTime(iso: string, now: Date = new Date()): string {
  const date = parse(iso);
  if (!date) return '';
  const days = Math.round((startOfDay(now) - startOfDay(date)) / 86_400_000);
  if (days <= 0) return timeFormat.format(date);
  if (days < 7) return weekdayFormat.format(date);
  if (date.getFullYear() === now.getFullYear()) return dayFormat.format(date);
  return dayYearFormat.format(date);
}

/** A bubble's time of day: "14:05". */
export function formatTime(iso: string): string {
  const date = parse(iso);
  return date ? timeFormat.format(date) : '';
}

/** Full date and time for tooltips and `title`s. */
export function formatFull(iso: string): string {
  const date = parse(iso);
  return date ? fullFormat.format(date) : iso;
}

/** The divider between days in a thread: "Today", "Yesterday", "Monday 3 November 2025". */
export function formatDayDivider(iso: string, now: Date = new Date()): string {
  const date = parse(iso);
  if (!date) return '';
  const days = Math.round((startOfDay(now) - startOfDay(date)) / 86_400_000);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return dividerFormat.format(date);
}

/** The local day of a DateTime, to group messages by. */
export function dayKey(iso: string): string {
  const date = parse(iso);
  return date ? `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}` : iso;
}
