package io.recruitflow.account;

import java.time.Instant;

public record ApiKeyView(String id, String name, String prefix, Instant createdAt, UserView createdBy,
		Instant lastUsedAt, Instant revokedAt, boolean active) {

	static ApiKeyView of(ApiKey key, UserView createdBy) {
		return new ApiKeyView(key.id(), key.name(), key.prefix(), key.createdAt(), createdBy, key.lastUsedAt(),
				key.revokedAt(), key.active());
	}

}
