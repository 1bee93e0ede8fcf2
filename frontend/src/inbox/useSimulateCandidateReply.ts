import { useMutation } from 'urql';
import { graphql } from '../gql';

export const SimulateCandidateReplyMutation = graphql(`
  mutation SimulateCandidateReply($candidateId: ID!, $body: String!, $toNumber: String) {
    simulateCandidateReply(candidateId: $candidateId, body: $body, toNumber: $toNumber) {
      id
      ...InboxMessageFields
    }
  }
`);

/** Sandbox only: the candidate "replies" by SMS, through the same inbound path as MessageBird's webhook. */
export function useSimulateCandidateReply() {
  return useMutation(SimulateCandidateReplyMutation);
}
