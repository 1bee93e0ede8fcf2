import type { DocumentNode } from 'graphql';
import { makeOperation, type GraphQLRequest, type OperationResult } from 'urql';
import { makeSubject, pipe, map, type Subject } from 'wonka';
import { vi } from 'vitest';
import { mockClient, operationName } from '../../test/mockClient';
import { createLiveConnection, registerLiveConnection } from './connection';

type Handlers = Parameters<typeof mockClient>[0];

/**
 * Test helper: `mockClient` whose subscriptions are live. Each subscription (by operation name)
 * gets a wonka subject; `emit(name, data)` pushes an event to every subscriber. The client also
 * has a live connection that tests drive with `connection.listeners` (closed, connected, …).
 */
export function liveMockClient(handlers: Handlers) {
  const mock = mockClient(handlers);
  const subjects = new Map<string, Subject<unknown>>();
  const subject = (name: string) => {
    let found = subjects.get(name);
    if (!found) {
      found = makeSubject<unknown>();
      subjects.set(name, found);
    }
    return found;
  };
  const executeSubscription = vi.fn((request: GraphQLRequest) => {
    const operation = makeOperation('subscription', request, { url: '/graphql', requestPolicy: 'network-only' });
    return pipe(
      subject(operationName(request.query as DocumentNode)).source,
      map((data): OperationResult => ({ operation, data, error: undefined, stale: false, hasNext: true })),
    );
  });
  (mock.client as unknown as { executeSubscription: typeof executeSubscription }).executeSubscription = executeSubscription;
  const connection = createLiveConnection();
  registerLiveConnection(mock.client, connection);

  return {
    ...mock,
    executeSubscription,
    connection,
    /** Delivers a subscription event to everyone subscribed to `name`. */
    emit: (name: string, data: unknown) => subject(name).next(data),
    /** How many times a subscription was started (not counting shared ones). */
    subscribed: (name: string) => executeSubscription.mock.calls.filter(([request]) => operationName(request.query) === name).length,
  };
}
