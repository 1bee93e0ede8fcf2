import { formatNumber } from '../lib/format';

/** A change of the balance with its sign: "+100" for a refund or top-up, "−1" (a true minus) for a debit, "0". */
export function formatCreditDelta(delta: number): string {
  if (delta > 0) return `+${formatNumber(delta)}`;
  if (delta < 0) return `\u2212${formatNumber(-delta)}`;
  return '0';
}
