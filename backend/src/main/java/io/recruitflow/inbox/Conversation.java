package io.recruitflow.inbox;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The thread between one candidate and one of our numbers. {@code assignedUserId} is who the
 * candidate is replying to: the last user who texted them from this number.
 */
@Document("conversations")
@CompoundIndexes({
		@CompoundIndex(name = "account_candidate_number", def = "{'accountId': 1, 'candidateId': 1, 'ourNumber': 1}",
				unique = true),
		@CompoundIndex(name = "account_activity_id", def = "{'accountId': 1, 'lastMessageAt': -1, '_id': -1}"),
		@CompoundIndex(name = "account_assignee_activity_id",
				def = "{'accountId': 1, 'assignedUserId': 1, 'lastMessageAt': -1, '_id': -1}") })
public record Conversation(@Id String id, String accountId, String candidateId, String ourNumber,
		String assignedUserId, Instant lastMessageAt, String preview, int unread) {
}
