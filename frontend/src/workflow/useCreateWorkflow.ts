import { useMutation } from 'urql';
import { graphql } from '../gql';

export const CreateWorkflowMutation = graphql(`
  mutation CreateWorkflow($input: WorkflowInput!) {
    createWorkflow(input: $input) {
      id
      name
      version
    }
  }
`);

export function useCreateWorkflow() {
  return useMutation(CreateWorkflowMutation);
}
