package io.recruitflow.inbox;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One SMS in a conversation. {@code stepExecutionId} (outbound by a workflow) and
 * {@code providerMessageId} are unique when set, which is what makes recording a message after a
 * retry or a crash a no-op instead of a duplicate.
 */
@Document("messages")
@CompoundIndexes({ @CompoundIndex(name = "conversation_created", def = "{'conversationId': 1, 'createdAt': -1}"),
		@CompoundIndex(name = "candidate_created", def = "{'accountId': 1, 'candidateId': 1, 'createdAt': -1}") })
public record SmsMessage(@Id String id, String accountId, String conversationId, String candidateId,
		Direction direction, String from, String to, String body, String encoding, int segments, String senderUserId,
		String workflowId, @Indexed(unique = true, sparse = true) String stepExecutionId,
		@Indexed(unique = true, sparse = true) String providerMessageId, MessageStatus status, String statusReason,
		boolean sandbox, Instant createdAt, Instant statusAt) {

	public enum Direction {

		OUTBOUND, INBOUND

	}

	public enum MessageStatus {

		QUEUED, SENT, DELIVERED, FAILED, RECEIVED

	}

}
