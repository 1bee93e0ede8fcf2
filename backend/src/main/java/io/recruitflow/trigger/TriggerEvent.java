package io.recruitflow.trigger;

import java.time.Instant;
import java.util.List;

import io.recruitflow.workflow.TriggerType;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A received event, stored once per (account, source, eventId). {@code processedAt} is set once
 * every matching run was started; an event without it was interrupted, and is finished by the
 * next delivery of the same eventId or by the recovery sweep.
 */
@Document("triggerEvents")
@CompoundIndexes({
		@CompoundIndex(name = "account_source_event", def = "{'accountId': 1, 'source': 1, 'eventId': 1}", unique = true),
		@CompoundIndex(name = "unprocessed", def = "{'processedAt': 1, 'receivedAt': 1}") })
record TriggerEvent(@Id String id, String accountId, TriggerType source, String eventId, String candidateId,
		String candidateName, String ctaId, String webCampaignId, String campaignName, String ctaLabel,
		String toStatus, String fromStatus, String jobTitle, Instant occurredAt, Instant receivedAt,
		List<String> startedWorkflowIds, Instant processedAt, String mobileProblem) {
}
