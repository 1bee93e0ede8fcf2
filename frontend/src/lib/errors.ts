import type { CombinedError } from 'urql';

export type ErrorClassification = 'BAD_REQUEST' | 'NOT_FOUND' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'INTERNAL_ERROR' | string;

/** The `extensions.classification` of the first GraphQL error, if any. */
export function errorClassification(error: CombinedError | undefined | null): ErrorClassification | null {
  const classification = error?.graphQLErrors.find((e) => typeof e.extensions?.classification === 'string')
    ?.extensions?.classification;
  return typeof classification === 'string' ? classification : null;
}

/** True when the server refused a stale edit (`extensions.code` CONFLICT): reload, then try again. */
export function isConflict(error: CombinedError | undefined | null): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === 'CONFLICT');
}

/** A message a person can act on: the server's own words for GraphQL errors, ours for network trouble. */
export function errorMessage(error: CombinedError | undefined | null): string {
  if (!error) return '';
  const messages = error.graphQLErrors.map((e) => e.message).filter((m) => m.trim() !== '');
  if (messages.length > 0) return [...new Set(messages)].join(' ');
  const status = (error.response as { status?: unknown } | undefined)?.status;
  if (status === 401) return 'Your session has expired. Please sign in again.';
  if (typeof status === 'number' && status >= 500) {
    return `RecruitFlow had a problem answering (HTTP ${status}). Please try again in a moment.`;
  }
  if (error.networkError) return "Can't reach RecruitFlow. Check your connection and try again.";
  return error.message.replace(/^\[(GraphQL|Network)\]\s*/, '');
}
