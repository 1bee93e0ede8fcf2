import { useMutation } from 'urql';
import { graphql } from '../gql';

export const MarkConversationReadMutation = graphql(`
  mutation MarkConversationRead($id: ID!) {
    markConversationRead(id: $id) {
      id
      unread
      lastMessageAt
    }
  }
`);

/**
 * Sets a conversation's unread count to 0 and marks the caller's notifications for it read. The
 * answer is kept small: urql's document cache re-runs the queries holding any type it returns
 * (the inbox's unread counts, which is what should follow).
 */
export function useMarkConversationRead() {
  return useMutation(MarkConversationReadMutation);
}
