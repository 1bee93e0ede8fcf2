import { useMutation } from 'urql';
import { graphql } from '../gql';

export const ResumeWorkflowMutation = graphql(`
  mutation ResumeWorkflow($id: ID!) {
    resumeWorkflow(id: $id) {
      id
      status
      version
    }
  }
`);

export function useResumeWorkflow() {
  return useMutation(ResumeWorkflowMutation);
}
