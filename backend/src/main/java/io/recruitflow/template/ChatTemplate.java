package io.recruitflow.template;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A chat message template. Deleting one sets {@code deletedAt} instead of removing it, so that
 * messages already sent and steps that still point at it can show what it was. {@code version}
 * grows by one on every change; edits are guarded by it.
 */
@Document("chatTemplates")
public record ChatTemplate(@Id String id, @Indexed String accountId, String name, String body, Instant createdAt,
		Instant updatedAt, Instant deletedAt, @Version Long version) {

	public boolean deleted() {
		return this.deletedAt != null;
	}

}
