import { useMutation } from 'urql';
import { graphql } from '../gql';

export const SendChatMessageMutation = graphql(`
  mutation SendChatMessage($candidateId: ID!, $body: String!) {
    sendChatMessage(candidateId: $candidateId, body: $body) {
      id
      ...InboxMessageFields
    }
  }
`);

/** Texts a candidate from the signed-in user's number (refused, saying why, when it cannot be sent). */
export function useSendChatMessage() {
  return useMutation(SendChatMessageMutation);
}
