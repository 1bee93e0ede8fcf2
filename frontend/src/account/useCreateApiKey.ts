import { useMutation } from 'urql';
import { graphql } from '../gql';

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        ...ApiKeyFields
      }
    }
  }
`);

export function useCreateApiKey() {
  return useMutation(CreateApiKeyMutation);
}
