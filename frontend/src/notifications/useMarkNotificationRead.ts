import { useMutation } from 'urql';
import { graphql } from '../gql';

export const MarkNotificationReadMutation = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      readAt
    }
  }
`);

export function useMarkNotificationRead() {
  return useMutation(MarkNotificationReadMutation);
}
