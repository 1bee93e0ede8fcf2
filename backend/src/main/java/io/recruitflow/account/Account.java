package io.recruitflow.account;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tenant. {@code name} is the company "From" name; {@code credits} is the SMS balance, changed
 * only by guarded atomic updates so it never drops below zero.
 */
@Document("accounts")
public record Account(@Id String id, String name, String companyNumber, long credits, String timezone,
		String country, List<String> atsStatuses, String optOutSentence, String helpText, Instant createdAt,
		@Version Long version) {
}
