import { createRequest, type AnyVariables, type Client, type OperationResult, type RequestPolicy, type TypedDocumentNode } from 'urql';
import { filter, pipe, take, toPromise } from 'wonka';

/**
 * One answer to a query, from the network by default: for state a component merges itself
 * (pages, live events) rather than state urql's document cache holds.
 */
export function fetchQuery<Data, Variables extends AnyVariables>(
  client: Client,
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  requestPolicy: RequestPolicy = 'network-only',
): Promise<OperationResult<Data, Variables>> {
  return pipe(
    client.executeQuery<Data, Variables>(createRequest(query, variables), { requestPolicy }),
    filter((result) => !result.stale),
    take(1),
    toPromise,
  );
}
