export type DurationUnit = 'minutes' | 'hours' | 'days';

export const UNIT_MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1440 };

export const DURATION_UNITS: ReadonlyArray<{ value: DurationUnit; label: string }> = [
  { value: 'minutes', label: 'minutes' },
  { value: 'hours', label: 'hours' },
  { value: 'days', label: 'days' },
];

export interface DurationDraft {
  amount: number | '';
  unit: DurationUnit;
}

/** The largest unit that expresses `minutes` exactly: 2880 → 2 days, 90 → 90 minutes. */
export function splitMinutes(minutes: number, emptyUnit: DurationUnit = 'days'): DurationDraft {
  if (minutes <= 0) return { amount: 0, unit: emptyUnit };
  if (minutes % UNIT_MINUTES.days === 0) return { amount: minutes / UNIT_MINUTES.days, unit: 'days' };
  if (minutes % UNIT_MINUTES.hours === 0) return { amount: minutes / UNIT_MINUTES.hours, unit: 'hours' };
  return { amount: minutes, unit: 'minutes' };
}

/** Whole minutes, or null when the amount is missing or not a whole number. */
export function toMinutes({ amount, unit }: DurationDraft): number | null {
  if (amount === '' || !Number.isFinite(amount)) return null;
  const minutes = amount * UNIT_MINUTES[unit];
  return Number.isInteger(minutes) ? minutes : null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "2 days", "1 day 3 hours", "45 minutes". */
export function formatDuration(minutes: number): string {
  if (minutes <= 0) return '0 minutes';
  const days = Math.floor(minutes / UNIT_MINUTES.days);
  const hours = Math.floor((minutes % UNIT_MINUTES.days) / UNIT_MINUTES.hours);
  const mins = minutes % UNIT_MINUTES.hours;
  const parts: string[] = [];
  if (days) parts.push(plural(days, 'day'));
  if (hours) parts.push(plural(hours, 'hour'));
  if (mins) parts.push(plural(mins, 'minute'));
  return parts.join(' ');
}
