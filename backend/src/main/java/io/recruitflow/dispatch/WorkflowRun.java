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
// The history lists a workflow's runs newest first by id (the cursor), optionally of one state: these
// serve that sort from the index instead of sorting all of a workflow's runs for each page. New
// names, since MongoDB refuses an existing name with other keys; the earlier startedAt indexes
// served no query and may be dropped where they exist.
@CompoundIndexes({ @CompoundIndex(name = "workflow_newest", def = "{'workflowId': 1, '_id': -1}"),
		@CompoundIndex(name = "workflow_state_newest", def = "{'workflowId': 1, 'state': 1, '_id': -1}") })
public record WorkflowRun(@Id String id, String accountId, String workflowId, String candidateId,
		String candidateName, String triggerEventId, String eventId, Instant startedAt, StepState state,
		Instant updatedAt) {

	static String idOf(String triggerEventId, String workflowId) {
		return triggerEventId + ":" + workflowId;
	}

}
