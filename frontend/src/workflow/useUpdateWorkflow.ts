import { useMutation } from 'urql';
import { graphql } from '../gql';

export const UpdateWorkflowMutation = graphql(`
  mutation UpdateWorkflow($id: ID!, $input: WorkflowInput!) {
    updateWorkflow(id: $id, input: $input) {
      id
      name
      version
    }
  }
`);

export function useUpdateWorkflow() {
  return useMutation(UpdateWorkflowMutation);
}
