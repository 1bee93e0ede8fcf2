package io.recruitflow.workflow;

public enum TriggerType {

	CTA_COMPLETED, ATS_STATUS_CHANGED

}
