package io.recruitflow.workflow;

/** ACTIVE workflows start runs; PAUSED ones start none and their pending steps are held. */
public enum WorkflowStatus {

	ACTIVE, PAUSED

}
