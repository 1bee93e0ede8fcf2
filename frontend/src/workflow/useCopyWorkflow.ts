import { useMutation } from 'urql';
import { graphql } from '../gql';

export const CopyWorkflowMutation = graphql(`
  mutation CopyWorkflow($id: ID!) {
    copyWorkflow(id: $id) {
      id
      name
      status
    }
  }
`);

export function useCopyWorkflow() {
  return useMutation(CopyWorkflowMutation);
}
