import { useMutation } from 'urql';
import { graphql } from '../gql';

export const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

/** Marks all the caller's notifications read; answers how many changed. */
export function useMarkAllNotificationsRead() {
  return useMutation(MarkAllNotificationsReadMutation);
}
