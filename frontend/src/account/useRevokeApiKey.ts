import { useMutation } from 'urql';
import { graphql } from '../gql';

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...ApiKeyFields
    }
  }
`);

export function useRevokeApiKey() {
  return useMutation(RevokeApiKeyMutation);
}
