import { useEffect, useRef } from 'react';

const CHANGED = 'recruitflow:notifications-changed';
const target = new EventTarget();

/**
 * Tells the bell that notifications may have been read elsewhere in the app (opening a
 * conversation marks its notifications read on the server), so it re-reads its count.
 */
export function announceNotificationsChanged(): void {
  target.dispatchEvent(new Event(CHANGED));
}

/** Calls `callback` after each `announceNotificationsChanged()`; the latest callback is used. */
export function useNotificationsChanged(callback: () => void): void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => {
    const listener = () => latest.current();
    target.addEventListener(CHANGED, listener);
    return () => target.removeEventListener(CHANGED, listener);
  }, []);
}
