package io.recruitflow.trigger;

import java.time.Instant;
import java.util.List;

import io.recruitflow.candidate.Candidate;
import io.recruitflow.workflow.Workflow;

record TriggerReceipt(String eventId, boolean duplicate, Instant receivedAt, Candidate candidate,
		List<Workflow> startedWorkflows, String mobileProblem) {
}
