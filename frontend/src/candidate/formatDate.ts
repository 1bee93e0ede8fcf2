const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A DateTime scalar as a day in the reader's locale and timezone, e.g. "1 Nov 2026" or "Nov 1, 2026". */
export function formatDate(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}
