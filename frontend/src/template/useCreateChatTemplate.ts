import { useMutation } from 'urql';
import { graphql } from '../gql';

export const CreateChatTemplateMutation = graphql(`
  mutation CreateChatTemplate($input: ChatTemplateInput!) {
    createChatTemplate(input: $input) {
      id
      name
      version
    }
  }
`);

export function useCreateChatTemplate() {
  return useMutation(CreateChatTemplateMutation);
}
