package io.recruitflow.workflow;

/** A paused workflow was started again: the steps held while it was paused may run now. */
public record WorkflowResumed(String accountId, String workflowId) {
}
