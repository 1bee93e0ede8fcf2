import { useMutation } from 'urql';
import { graphql } from '../gql';

export const MoveWorkflowStepMutation = graphql(`
  mutation MoveWorkflowStep($workflowId: ID!, $stepId: ID!, $position: Int!, $expectedVersion: Int) {
    moveWorkflowStep(workflowId: $workflowId, stepId: $stepId, position: $position, expectedVersion: $expectedVersion) {
      id
      version
      stepCount
    }
  }
`);

export function useMoveWorkflowStep() {
  return useMutation(MoveWorkflowStepMutation);
}
