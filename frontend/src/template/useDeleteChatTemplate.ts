import { useCallback } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';

export const DeleteChatTemplateMutation = graphql(`
  mutation DeleteChatTemplate($id: ID!) {
    deleteChatTemplate(id: $id)
  }
`);

/** The answer is a bare ID, so tell the cache which lists to refresh. */
export function useDeleteChatTemplate() {
  const [state, execute] = useMutation(DeleteChatTemplateMutation);
  const deleteChatTemplate = useCallback(
    (variables: { id: string }) => execute(variables, { additionalTypenames: ['ChatTemplate'] }),
    [execute],
  );
  return [state, deleteChatTemplate] as const;
}
