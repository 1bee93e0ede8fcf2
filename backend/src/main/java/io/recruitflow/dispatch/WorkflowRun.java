package io.recruitflow.dispatch;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One workflow run for one candidate, started by one trigger event. The id is derived from the
 * event and the workflow, so starting the same run twice keeps one. {@code state} mirrors the
 * latest step, for listing and filtering.
 */
@Document("workflowRuns")
@CompoundIndexes({ @CompoundIndex(name = "workflow_started", def = "{'workflowId': 1, 'startedAt': -1}"),
		@CompoundIndex(name = "workflow_state", def = "{'workflowId': 1, 'state': 1, 'startedAt': -1}") })
public record WorkflowRun(@Id String id, String accountId, String workflowId, String candidateId,
		String candidateName, String triggerEventId, String eventId, Instant startedAt, StepState state,
		Instant updatedAt) {

	static String idOf(String triggerEventId, String workflowId) {
		return triggerEventId + ":" + workflowId;
	}

}
