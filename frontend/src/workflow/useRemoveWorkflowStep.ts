import { useMutation } from 'urql';
import { graphql } from '../gql';

export const RemoveWorkflowStepMutation = graphql(`
  mutation RemoveWorkflowStep($workflowId: ID!, $stepId: ID!, $expectedVersion: Int) {
    removeWorkflowStep(workflowId: $workflowId, stepId: $stepId, expectedVersion: $expectedVersion) {
      id
      version
      stepCount
    }
  }
`);

export function useRemoveWorkflowStep() {
  return useMutation(RemoveWorkflowStepMutation);
}
