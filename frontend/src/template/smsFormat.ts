import type { SmsEncoding } from '../gql/graphql';

export const ENCODING_LABEL: Record<SmsEncoding, string> = { GSM_7: 'GSM-7', UCS_2: 'UCS-2' };

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** How a character that forced UCS-2 is shown: visible, and named when it would not be. */
export function showCharacter(ch: string): string {
  if (ch === '\u00a0') return 'non-breaking space';
  // Invisible characters (zero-width, other spaces, controls) are named by their code point.
  if (/^[\p{C}\p{Z}]$/u.test(ch)) return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return ch;
}

/** The first non-empty line of a body, for a glance at what is sent. */
export function firstLine(body: string): string {
  return body.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}

/** {{name}}, tolerating spaces inside the braces, as the server reads merge fields. */
const MERGE_FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The merge fields of a body that are not in `known` (tokens like {{candidate.firstName}}), written {{name}}. */
export function unknownMergeFields(body: string, known: ReadonlyArray<string>): string[] {
  const names = new Set(known.map((token) => token.replace(/^\{\{\s*|\s*\}\}$/g, '')));
  const unknown = new Set<string>();
  for (const match of body.matchAll(MERGE_FIELD)) {
    if (!names.has(match[1]!)) unknown.add(`{{${match[1]}}}`);
  }
  return [...unknown];
}
