import { useEffect, useMemo, type ReactNode } from 'react';
import { Provider } from 'urql';
import { useAuth } from '../auth/AuthProvider';
import { createGraphqlClient } from './client';

/** Provides the urql client for the current token; a new token gets a fresh client and cache. */
export function GraphqlProvider({ children }: { children: ReactNode }) {
  const { token, expire } = useAuth();
  const graphql = useMemo(() => createGraphqlClient({ token, onUnauthorized: expire }), [token, expire]);
  useEffect(() => graphql.dispose, [graphql]);
  return <Provider value={graphql.client}>{children}</Provider>;
}
