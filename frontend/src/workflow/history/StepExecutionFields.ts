import { graphql } from '../../gql';

/** Everything the history shows about one step; retry and resolve return it so the run updates. */
export const StepExecutionFieldsFragment = graphql(`
  fragment StepExecutionFields on StepExecution {
    id
    stepId
    kind
    position
    state
    reason
    attempts
    lastError
    dueAt
    updatedAt
    retryable
    message {
      id
      direction
      to
      body
      status
      statusReason
      sandbox
      createdAt
      statusAt
      segments
      sender {
        id
        name
      }
    }
  }
`);
