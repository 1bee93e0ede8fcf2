package io.recruitflow.trigger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.recruitflow.support.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Each bad trigger input gets a clear error, and nothing is recorded, started or sent. */
class TriggerBadInputTests extends IntegrationTest {

	private static final String RECORD_CTA = """
			mutation($input: CtaCompletionInput!) { recordCtaCompletion(input: $input) { eventId } }""";

	private static final String[] WRITTEN = { "candidates", "triggerEvents", "stepExecutions", "workflowRuns",
			"messages", "creditLedger" };

	private HttpGraphQlTester integrator;

	private String apiKeyId;

	private String secret;

	private Map<String, List<Document>> before;

	@BeforeEach
	void integrator() {
		var created = graphQlAs("admin@acme.test")
			.document("mutation { createApiKey(input: {name: \"ATS\"}) { secret apiKey { id } } }")
			.execute();
		this.secret = created.path("createApiKey.secret").entity(String.class).get();
		this.apiKeyId = created.path("createApiKey.apiKey.id").entity(String.class).get();
		this.integrator = graphQlWith(this.secret);
		this.before = snapshot(WRITTEN);
	}

	@Test
	void aMissingOrEmptyEventIdIsRefused() {
		for (String eventId : new String[] { "", "   ", "x".repeat(201) }) {
			expectBadRequest(input(eventId, ctaId("Register interest"), null), "eventId must be 1 to 200 characters");
		}
		Map<String, Object> withoutEventId = input("e", ctaId("Register interest"), null);
		withoutEventId.remove("eventId");
		this.integrator.document(RECORD_CTA).variable("input", withoutEventId).execute().errors()
			.expect(error -> error.getMessage().contains("eventId"));
		assertNothingWritten();
	}

	@Test
	void anUnknownCtaIsRefused() {
		expectBadRequest(input("e1", "000000000000000000000000", null), "is not a CTA of any of your web campaigns");
		assertNothingWritten();
	}

	@Test
	void anotherAccountsCtaIsRefusedLikeAnUnknownOne() {
		String globexCta = this.mongo.getCollection("webCampaigns").find(new Document("name", "Globex Open Day")).first()
			.getList("ctas", Document.class).getFirst().get("_id").toString();

		expectBadRequest(input("e2", globexCta, null), "is not a CTA of any of your web campaigns");
		assertNothingWritten();
	}

	@Test
	void anUnknownCampaignOrACampaignWithoutTheCtaIsRefused() {
		expectBadRequest(input("e3", ctaId("Register interest"), "000000000000000000000000"),
				"is not one of your web campaigns");
		expectBadRequest(input("e4", ctaId("Apply now"), idOf("webCampaigns", "name", "Summer Internships 2027")),
				"The CTA 'Apply now' is not on the web campaign 'Summer Internships 2027'");
		assertNothingWritten();
	}

	@Test
	void badCandidateDataIsRefused() {
		Map<String, Object> noExternalId = input("e5", ctaId("Register interest"), null);
		noExternalId.put("candidate", Map.of("externalId", " "));
		expectBadRequest(noExternalId, "candidate.externalId must be 1 to 100 characters");

		Map<String, Object> badEmail = input("e6", ctaId("Register interest"), null);
		badEmail.put("candidate", Map.of("externalId", "X-1", "email", "not-an-email"));
		expectBadRequest(badEmail, "candidate.email 'not-an-email' is not an email address");

		Map<String, Object> injectedField = input("e7", ctaId("Register interest"), null);
		injectedField.put("candidate",
				Map.of("externalId", "X-1", "customFields", List.of(Map.of("name", "$where", "value", "1"))));
		expectBadRequest(injectedField, "Custom field name '$where' is not allowed");
		assertNothingWritten();
	}

	@Test
	void anUnknownAtsStatusIsRefused() {
		this.integrator.document("""
				mutation($input: AtsStatusChangeInput!) { recordAtsStatusChange(input: $input) { eventId } }""")
			.variable("input", Map.of("eventId", "s1", "toStatus", "Promoted", "candidate", Map.of("externalId", "ATS-1001")))
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage()
				.equals("toStatus 'Promoted' is not one of your ATS statuses: New, Screening, Interview, Offer, Hired, Rejected."));
		assertNothingWritten();
	}

	@Test
	void aRecruiterCannotRecordEvents() {
		graphQlAs("jane@acme.test").document(RECORD_CTA)
			.variable("input", input("e8", ctaId("Register interest"), null))
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN);
		assertNothingWritten();
	}

	@Test
	void aRevokedApiKeyIsRejected() {
		graphQlAs("admin@acme.test").document("mutation($id: ID!) { revokeApiKey(id: $id) { active } }")
			.variable("id", this.apiKeyId)
			.execute();

		int status = http().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + this.secret)
			.body(Map.of("query", RECORD_CTA, "variables", Map.of("input", input("e9", ctaId("Register interest"), null))))
			.exchange((request, response) -> response.getStatusCode().value());

		assertThat(status).isEqualTo(401);
		assertNothingWritten();
	}

	@Test
	void aBatchOverTheMaximumIsRefusedWhole() {
		List<Map<String, Object>> inputs = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			inputs.add(input("batch-" + i, ctaId("Register interest"), null));
		}

		this.integrator.document("""
				mutation($inputs: [CtaCompletionInput!]!) { recordCtaCompletions(inputs: $inputs) { eventId } }""")
			.variable("inputs", inputs)
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("A batch takes at most 5 events; this one has 6. Split it into smaller batches."));
		assertNothingWritten();
	}

	private void expectBadRequest(Map<String, Object> input, String message) {
		this.integrator.document(RECORD_CTA)
			.variable("input", input)
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage().contains(message));
	}

	private void assertNothingWritten() {
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		assertThat(snapshot(WRITTEN)).isEqualTo(this.before);
	}

	private static Map<String, Object> input(String eventId, String ctaId, String campaignId) {
		Map<String, Object> input = new HashMap<>();
		input.put("eventId", eventId);
		input.put("ctaId", ctaId);
		input.put("candidate", Map.of("externalId", "NEW-1", "firstName", "Pat", "mobile", "+61412000111"));
		if (campaignId != null) {
			input.put("webCampaignId", campaignId);
		}
		return input;
	}

}
