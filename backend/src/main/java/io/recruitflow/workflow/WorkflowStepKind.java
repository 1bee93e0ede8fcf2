package io.recruitflow.workflow;

public enum WorkflowStepKind {

	CHAT_MESSAGE, WAIT

}
