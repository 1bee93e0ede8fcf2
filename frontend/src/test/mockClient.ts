import { CombinedError, makeOperation, type Client, type GraphQLRequest, type OperationResult } from 'urql';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { concat, fromValue, never } from 'wonka';
import { vi } from 'vitest';

type Answer = { data?: unknown; error?: CombinedError } | 'pending';
type Handler = (variables: Record<string, unknown>) => Answer;

export function operationName(query: DocumentNode): string {
  const definition = query.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  return definition?.name?.value ?? '';
}

export function graphqlError(message: string, classification: string): CombinedError {
  return new CombinedError({ graphQLErrors: [{ message, extensions: { classification } }] });
}

/**
 * An urql client answering each operation, by name, from `handlers` with `fromValue`.
 * An operation without a handler fails the test loudly.
 */
export function mockClient(handlers: Record<string, Handler | Answer>) {
  const answer = (kind: 'query' | 'mutation' | 'subscription') =>
    vi.fn((request: GraphQLRequest) => {
      const name = operationName(request.query);
      const handler = handlers[name];
      if (handler === undefined) throw new Error(`mockClient: no answer for ${kind} ${name}`);
      const result = typeof handler === 'function' ? handler((request.variables ?? {}) as Record<string, unknown>) : handler;
      if (result === 'pending') return never;
      const operation = makeOperation(kind, request, { url: '/graphql', requestPolicy: 'cache-first' });
      const value: OperationResult = { operation, data: result.data, error: result.error, stale: false, hasNext: false };
      // Like a real client the source stays open after answering; a completed source
      // would make urql's useQuery drop `error` from its state.
      return concat([fromValue(value), never]);
    });

  const executeQuery = answer('query');
  const executeMutation = answer('mutation');
  const executeSubscription = answer('subscription');
  const client = { executeQuery, executeMutation, executeSubscription } as unknown as Client;

  /** Names of the operations executed so far, in order. */
  const executed = () =>
    [...executeQuery.mock.calls, ...executeMutation.mock.calls].map(([request]) => operationName(request.query));

  return { client, executeQuery, executeMutation, executed };
}
