import { useMutation } from 'urql';
import { graphql } from '../gql';

export const AddWorkflowStepMutation = graphql(`
  mutation AddWorkflowStep($workflowId: ID!, $input: WorkflowStepInput!, $position: Int, $expectedVersion: Int) {
    addWorkflowStep(workflowId: $workflowId, input: $input, position: $position, expectedVersion: $expectedVersion) {
      id
      version
      stepCount
    }
  }
`);

export function useAddWorkflowStep() {
  return useMutation(AddWorkflowStepMutation);
}
