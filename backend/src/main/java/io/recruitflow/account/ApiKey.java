package io.recruitflow.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An integrator's key. Only the SHA-256 of the secret is stored: keys are 256-bit random values,
 * so a fast hash is safe and lets every request find its key by an indexed equality match.
 */
@Document("apiKeys")
public record ApiKey(@Id String id, @Indexed String accountId, String name, String prefix,
		@Indexed(unique = true) String secretHash, String createdByUserId, Instant createdAt, Instant lastUsedAt,
		Instant revokedAt) {

	public boolean active() {
		return this.revokedAt == null;
	}

}
