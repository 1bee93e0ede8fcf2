import { useMutation } from 'urql';
import { graphql } from '../../gql';

export const ResolveUnconfirmedStepMutation = graphql(`
  mutation ResolveUnconfirmedStep($id: ID!, $sent: Boolean!) {
    resolveUnconfirmedStep(id: $id, sent: $sent) {
      ...StepExecutionFields
    }
  }
`);

/** Settles an unconfirmed step: `sent: true` records it as sent, `false` sends it again. */
export function useResolveUnconfirmedStep() {
  return useMutation(ResolveUnconfirmedStepMutation);
}
