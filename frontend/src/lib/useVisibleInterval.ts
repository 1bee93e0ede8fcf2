import { useEffect, useRef } from 'react';

/**
 * Calls `callback` every `intervalMs` while the browser tab is visible, and once when the tab
 * becomes visible again after being hidden (so a returning user sees fresh data at once).
 * `intervalMs` null or 0 turns it off. The latest callback is used; no restart on re-render.
 */
export function useVisibleInterval(callback: () => void, intervalMs: number | null) {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });

  useEffect(() => {
    if (!intervalMs) return undefined;
    const tick = () => {
      if (document.visibilityState !== 'hidden') latest.current();
    };
    const timer = window.setInterval(tick, intervalMs);
    const onVisibility = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs]);
}
