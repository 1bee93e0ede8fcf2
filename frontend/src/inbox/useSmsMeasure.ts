import { useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { SmsEncoding } from '../gql/graphql';

export const ReplyMeasureQuery = graphql(`
  query ReplyMeasure($body: String!, $candidateId: ID) {
    previewChatMessage(body: $body, candidateId: $candidateId) {
      bodyMeasure {
        encoding
        characters
        segments
        credits
        unicodeCharacters
        maxCharacters
        remainingInSegment
      }
    }
  }
`);

export interface ReplyMeasure {
  encoding: SmsEncoding;
  characters: number;
  segments: number;
  credits: number;
  unicodeCharacters: readonly string[];
  maxCharacters: number;
  remainingInSegment: number;
}

/** How long typing must pause before the server measures the draft. */
export const MEASURE_DEBOUNCE_MS = 250;

export const EMPTY_MEASURE: ReplyMeasure = {
  encoding: 'GSM_7',
  characters: 0,
  segments: 0,
  credits: 0,
  unicodeCharacters: [],
  maxCharacters: 1377,
  remainingInSegment: 160,
};

/**
 * The draft measured as an SMS by the server (encoding, segments, credits), as it will be sent:
 * trimmed, merge fields not filled in. Debounced; while a new measure loads the last one stays,
 * so the counter does not flicker.
 */
export function useSmsMeasure(body: string, candidateId: string | null) {
  const text = body.trim();
  const [debounced, setDebounced] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), MEASURE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const [{ data, fetching, error }] = useQuery({
    query: ReplyMeasureQuery,
    variables: { body: debounced, candidateId },
    pause: debounced === '',
    requestPolicy: 'cache-first',
  });
  const last = useRef<ReplyMeasure>(EMPTY_MEASURE);
  if (data?.previewChatMessage && debounced !== '') last.current = data.previewChatMessage.bodyMeasure;
  if (text === '') last.current = EMPTY_MEASURE;

  return { measure: last.current, pending: text !== '' && (text !== debounced || fetching), error: text === '' ? undefined : error };
}
