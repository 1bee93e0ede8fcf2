package io.recruitflow.inbox;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * "A candidate replied to you", with the full text. One per (message, user): a webhook delivered
 * twice notifies once.
 */
@Document("notifications")
@CompoundIndexes({ @CompoundIndex(name = "message_user", def = "{'messageId': 1, 'userId': 1}", unique = true),
		@CompoundIndex(name = "user_created", def = "{'userId': 1, 'createdAt': -1}") })
public record Notification(@Id String id, String accountId, String userId, Kind kind, String messageId,
		String conversationId, String candidateId, String candidateName, String body, Instant createdAt,
		Instant readAt) {

	public enum Kind {

		SMS_REPLY

	}

}
