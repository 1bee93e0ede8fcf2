import { useMutation } from 'urql';
import { graphql } from '../gql';

export const PauseWorkflowMutation = graphql(`
  mutation PauseWorkflow($id: ID!) {
    pauseWorkflow(id: $id) {
      id
      status
      version
    }
  }
`);

export function usePauseWorkflow() {
  return useMutation(PauseWorkflowMutation);
}
