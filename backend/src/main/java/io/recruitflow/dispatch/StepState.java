package io.recruitflow.dispatch;

public enum StepState {

	PENDING, CLAIMED, HELD, SENDING, SENT, SKIPPED, FAILED, DEAD, UNCONFIRMED;

	boolean finished() {
		return this == SENT || this == SKIPPED || this == FAILED || this == DEAD;
	}

}
