import { useMutation } from 'urql';
import { graphql } from '../../gql';

export const RetryStepMutation = graphql(`
  mutation RetryStep($id: ID!) {
    retryStep(id: $id) {
      ...StepExecutionFields
    }
  }
`);

/** Runs a failed or dead Chat Message step again (it is paid for again). */
export function useRetryStep() {
  return useMutation(RetryStepMutation);
}
