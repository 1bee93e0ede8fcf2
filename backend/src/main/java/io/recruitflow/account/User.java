package io.recruitflow.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who signs in. {@code email} is stored lower-case and is unique across all accounts, so
 * that sign-in needs no account name. {@code smsNumber} is allocated at SMS activation (E.164).
 */
@Document("users")
public record User(@Id String id, @Indexed String accountId, String name, @Indexed(unique = true) String email,
		String passwordHash, Role role, String smsNumber, boolean active, Instant createdAt) {

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

}
