import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  SESSION_EXPIRED_MESSAGE,
  TOKEN_STORAGE_KEY,
  isTokenExpired,
  readStoredToken,
  tokenExpiresAt,
  writeStoredToken,
} from './token';

export interface AuthContextValue {
  /** The bearer token, or null when signed out. */
  token: string | null;
  /** A message for the sign-in page, e.g. why the user was signed out. */
  notice: string | null;
  signIn: (token: string) => void;
  /** The user chose to sign out. */
  signOut: () => void;
  /** The token was rejected or ran out: sign out and tell the user why. */
  expire: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

// setTimeout stores its delay in 32 bits; longer waits are done in several hops.
const MAX_TIMER_DELAY_MS = 2_147_483_647;

interface InitialState {
  token: string | null;
  notice: string | null;
}

function initialState(): InitialState {
  const stored = readStoredToken();
  if (stored === null) return { token: null, notice: null };
  if (isTokenExpired(stored)) {
    writeStoredToken(null);
    return { token: null, notice: SESSION_EXPIRED_MESSAGE };
  }
  return { token: stored, notice: null };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<InitialState>(initialState);
  const { token } = state;

  const signIn = useCallback((newToken: string) => {
    writeStoredToken(newToken);
    setState({ token: newToken, notice: null });
  }, []);

  const signOut = useCallback(() => {
    writeStoredToken(null);
    setState({ token: null, notice: null });
  }, []);

  const expire = useCallback(() => {
    writeStoredToken(null);
    // Several requests may fail at once; only the first one changes anything.
    setState((current) => (current.token === null ? current : { token: null, notice: SESSION_EXPIRED_MESSAGE }));
  }, []);

  // Sign out when `exp` passes: a timer, plus a check whenever the tab comes back
  // (timers in background tabs are throttled, and laptops sleep).
  useEffect(() => {
    if (token === null) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const check = () => {
      if (isTokenExpired(token)) {
        expire();
        return;
      }
      const expiresAt = tokenExpiresAt(token);
      if (expiresAt === null) return;
      clearTimeout(timer);
      timer = setTimeout(check, Math.min(Math.max(expiresAt - Date.now(), 0), MAX_TIMER_DELAY_MS));
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };

    check();
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [token, expire]);

  // Signing in or out in another tab applies here too.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== TOKEN_STORAGE_KEY) return;
      const next = event.newValue;
      setState((current) => {
        if (next === current.token) return current;
        if (next === null || isTokenExpired(next)) return { token: null, notice: null };
        return { token: next, notice: null };
      });
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({ token, notice: state.notice, signIn, signOut, expire }),
    [token, state.notice, signIn, signOut, expire],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (value === null) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
