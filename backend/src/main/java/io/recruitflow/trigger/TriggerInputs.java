package io.recruitflow.trigger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.recruitflow.candidate.CandidateData;

/** The GraphQL inputs of the trigger mutations. */
final class TriggerInputs {

	private TriggerInputs() {
	}

	record CustomFieldInput(String name, String value) {
	}

	record CandidateInput(String externalId, String firstName, String lastName, String email, String mobile,
			List<CustomFieldInput> customFields) {

		CandidateData toData() {
			Map<String, String> fields = null;
			if (this.customFields != null) {
				fields = new LinkedHashMap<>();
				for (CustomFieldInput field : this.customFields) {
					fields.put(field.name(), field.value());
				}
			}
			return new CandidateData(this.externalId, this.firstName, this.lastName, this.email, this.mobile, fields);
		}

	}

	record CtaCompletionInput(String eventId, CandidateInput candidate, String ctaId, String webCampaignId,
			String jobTitle, Instant occurredAt) {
	}

	record AtsStatusChangeInput(String eventId, CandidateInput candidate, String toStatus, String fromStatus,
			String jobTitle, Instant occurredAt) {
	}

}
