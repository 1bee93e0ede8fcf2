import { useMutation } from 'urql';
import { graphql } from '../gql';

export const UpdateWorkflowStepMutation = graphql(`
  mutation UpdateWorkflowStep($workflowId: ID!, $stepId: ID!, $input: WorkflowStepInput!, $expectedVersion: Int) {
    updateWorkflowStep(workflowId: $workflowId, stepId: $stepId, input: $input, expectedVersion: $expectedVersion) {
      id
      version
      stepCount
    }
  }
`);

export function useUpdateWorkflowStep() {
  return useMutation(UpdateWorkflowStepMutation);
}
