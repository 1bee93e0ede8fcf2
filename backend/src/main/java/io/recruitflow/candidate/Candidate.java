package io.recruitflow.candidate;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A candidate. {@code externalId} is the ATS's id, unique per account; {@code mobile} is E.164 or
 * null, with {@code mobileProblem} saying why when a number was given but cannot be texted;
 * {@code smsOptOut} is set when the candidate texted a STOP keyword; {@code unknown} marks a
 * record created for an SMS from a number no candidate had.
 */
@Document("candidates")
@CompoundIndex(name = "account_external_id", def = "{'accountId': 1, 'externalId': 1}", unique = true)
public record Candidate(@Id String id, String accountId, String externalId, String firstName, String lastName,
		String email, String mobile, String mobileProblem, String atsStatus, Map<String, String> customFields,
		SmsOptOut smsOptOut, boolean unknown, String timezone, Instant createdAt, Instant updatedAt,
		@Version Long version) {

	public String fullName() {
		String first = this.firstName == null ? "" : this.firstName.strip();
		String last = this.lastName == null ? "" : this.lastName.strip();
		String name = (first + " " + last).strip();
		return name.isEmpty() ? (this.mobile != null ? this.mobile : this.externalId) : name;
	}

	public record SmsOptOut(Instant at, String keyword) {
	}

}
