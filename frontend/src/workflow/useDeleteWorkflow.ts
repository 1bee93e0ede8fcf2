import { useCallback } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';

export const DeleteWorkflowMutation = graphql(`
  mutation DeleteWorkflow($id: ID!) {
    deleteWorkflow(id: $id)
  }
`);

/** The answer is a bare ID, so tell the cache which lists to refresh. */
export function useDeleteWorkflow() {
  const [state, execute] = useMutation(DeleteWorkflowMutation);
  const deleteWorkflow = useCallback(
    (variables: { id: string }) => execute(variables, { additionalTypenames: ['Workflow'] }),
    [execute],
  );
  return [state, deleteWorkflow] as const;
}
