import { useMutation } from 'urql';
import { graphql } from '../gql';

export const UpdateChatTemplateMutation = graphql(`
  mutation UpdateChatTemplate($id: ID!, $input: ChatTemplateInput!) {
    updateChatTemplate(id: $id, input: $input) {
      id
      name
      version
    }
  }
`);

export function useUpdateChatTemplate() {
  return useMutation(UpdateChatTemplateMutation);
}
