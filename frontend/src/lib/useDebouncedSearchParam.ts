import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router';

/**
 * A search box whose committed value lives in the URL (`?q=…`), so a reload or the back button
 * keeps it. Typing updates `input` at once and the URL after `delayMs` of quiet; a change of the
 * URL from elsewhere (a link, "Clear filters") updates the box.
 */
export function useDebouncedSearchParam(key = 'q', delayMs = 300) {
  const [params, setParams] = useSearchParams();
  const committed = params.get(key) ?? '';
  const [input, setInput] = useState(committed);
  const [debounced] = useDebouncedValue(input.trim(), delayMs);
  const last = useRef(committed);

  // The URL changed under us: show it in the box.
  useEffect(() => {
    if (committed === last.current) return;
    last.current = committed;
    setInput(committed);
  }, [committed]);

  // The user stopped typing: commit to the URL.
  useEffect(() => {
    if (debounced === last.current) return;
    last.current = debounced;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (debounced) next.set(key, debounced);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  }, [debounced, key, setParams]);

  return { input, setInput, committed };
}
