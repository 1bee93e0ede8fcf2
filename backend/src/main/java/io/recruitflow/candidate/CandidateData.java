package io.recruitflow.candidate;

import java.util.Map;

/**
 * What an integrator tells us about a candidate. Null fields are left as they are; in
 * {@code customFields} a null value removes that field.
 */
public record CandidateData(String externalId, String firstName, String lastName, String email, String mobile,
		Map<String, String> customFields) {
}
