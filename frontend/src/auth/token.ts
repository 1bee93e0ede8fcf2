/** Where the signed-in user's JWT lives between reloads. */
export const TOKEN_STORAGE_KEY = 'recruitflow.token';

export const SESSION_EXPIRED_MESSAGE = 'Your session has expired. Please sign in again.';

export interface JwtClaims {
  exp?: number;
  sub?: string;
  [claim: string]: unknown;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=');
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Reads the payload of a JWT without verifying it: the server verifies every request,
 * the client only needs `exp` to know when to stop using the token.
 * Returns null for anything that is not a well-formed JWT.
 */
export function decodeJwtClaims(token: string): JwtClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload: unknown = JSON.parse(base64UrlDecode(parts[1]));
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
    return payload as JwtClaims;
  } catch {
    return null;
  }
}

/** When the token stops being valid, in epoch milliseconds; null when it carries no `exp`. */
export function tokenExpiresAt(token: string): number | null {
  const exp = decodeJwtClaims(token)?.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
}

/**
 * True when the token can no longer be used: malformed, or its `exp` has passed.
 * A token without `exp` is left for the server to judge (it answers 401 when it is bad).
 */
export function isTokenExpired(token: string, now: number = Date.now()): boolean {
  if (decodeJwtClaims(token) === null) return true;
  const expiresAt = tokenExpiresAt(token);
  return expiresAt !== null && expiresAt <= now;
}

// localStorage can throw (privacy modes, disabled storage): signing in should still work for the tab.
export function readStoredToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function writeStoredToken(token: string | null): void {
  try {
    if (token === null) window.localStorage.removeItem(TOKEN_STORAGE_KEY);
    else window.localStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // The session then lasts as long as the tab; nothing else to do.
  }
}
