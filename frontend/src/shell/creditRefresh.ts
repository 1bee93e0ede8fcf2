import { useEffect, useRef } from 'react';
import { useVisibleInterval } from '../lib/useVisibleInterval';

const CREDITS_CHANGED = 'recruitflow:credits-changed';

/** How often the header re-reads the credit balance while the tab is visible. */
export const CREDIT_REFRESH_INTERVAL_MS = 15_000;

/**
 * After an action the engine completes in the background (a retried SMS is debited a moment
 * later), read the balance at once and again after these delays.
 */
export const CREDIT_FOLLOW_UP_DELAYS_MS = [2_000, 6_000] as const;

/** Tells the header that something may have changed the credit balance (e.g. an SMS was retried). */
export function announceCreditChange() {
  window.dispatchEvent(new Event(CREDITS_CHANGED));
}

/**
 * Keeps the header's balance following sends: `refetch` runs every 15 s while the tab is
 * visible, when the tab comes back into view, and right after (and shortly after) an
 * `announceCreditChange()`.
 */
export function useCreditRefresh(refetch: () => void) {
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  });

  useVisibleInterval(() => latest.current(), CREDIT_REFRESH_INTERVAL_MS);

  useEffect(() => {
    const timers = new Set<number>();
    const onChange = () => {
      latest.current();
      for (const delay of CREDIT_FOLLOW_UP_DELAYS_MS) {
        const timer = window.setTimeout(() => {
          timers.delete(timer);
          latest.current();
        }, delay);
        timers.add(timer);
      }
    };
    window.addEventListener(CREDITS_CHANGED, onChange);
    return () => {
      window.removeEventListener(CREDITS_CHANGED, onChange);
      timers.forEach((timer) => window.clearTimeout(timer));
    };
  }, []);
}
