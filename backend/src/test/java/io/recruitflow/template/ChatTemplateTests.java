package io.recruitflow.template;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.recruitflow.support.IntegrationTest;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

class ChatTemplateTests extends IntegrationTest {

	private static final String FIELDS = """
			id name body version usedByWorkflows createdAt updatedAt
			measure { encoding characters segments credits unicodeCharacters maxCharacters remainingInSegment }""";

	private static final String CREATE = """
			mutation($input: ChatTemplateInput!) { createChatTemplate(input: $input) { %s } }""".formatted(FIELDS);

	private static final String UPDATE = """
			mutation($id: ID!, $input: ChatTemplateInput!) { updateChatTemplate(id: $id, input: $input) { %s } }"""
		.formatted(FIELDS);

	private static final String DELETE = "mutation($id: ID!) { deleteChatTemplate(id: $id) }";

	private static final String GET = "query($id: ID!) { chatTemplate(id: $id) { %s } }".formatted(FIELDS);

	private static final String PREVIEW = """
			query($templateId: ID, $body: String, $candidateId: ID, $senderUserId: ID) {
			  previewChatMessage(templateId: $templateId, body: $body, candidateId: $candidateId, senderUserId: $senderUserId) {
			    text encoding characters segments credits unicodeCharacters remainingInSegment senderNumber fromName
			    unknownMergeFields candidateName bodyMeasure { encoding characters segments } } }""";

	@Test
	void listsTheAccountsTemplatesByNameWithTheirMeasureAndTheWorkflowsUsingThem() {
		graphQlAs("jane@acme.test").document("{ chatTemplates { %s } }".formatted(FIELDS))
			.execute()
			.path("chatTemplates[*].name").entityList(String.class)
			.containsExactly("Interview invitation", "Thanks for registering")
			.path("chatTemplates[1].usedByWorkflows").entityList(String.class)
			.containsExactly("Graduate registration follow-up")
			.path("chatTemplates[1].measure.encoding").entity(String.class).isEqualTo("GSM_7")
			.path("chatTemplates[1].measure.maxCharacters").entity(Integer.class).isEqualTo(1377)
			.path("chatTemplates[1].version").entity(Integer.class).isEqualTo(0);

		graphQlAs("admin@globex.test").document("{ chatTemplates { name } }")
			.execute()
			.path("chatTemplates[*].name").entityList(String.class).containsExactly("Open day reminder");
	}

	@Test
	void createsATemplateMeasuredAsWritten() {
		var created = graphQlAs("jane@acme.test").document(CREATE)
			.variable("input", Map.of("name", "  Offer follow-up  ",
					"body", "Hi {{ candidate.firstName }}, congratulations! {{optOut}}"))
			.execute();

		String id = created.path("createChatTemplate.id").entity(String.class).get();
		created.path("createChatTemplate.name").entity(String.class).isEqualTo("Offer follow-up")
			.path("createChatTemplate.version").entity(Integer.class).isEqualTo(0)
			.path("createChatTemplate.usedByWorkflows").entityList(String.class).hasSize(0)
			.path("createChatTemplate.measure.encoding").entity(String.class).isEqualTo("GSM_7")
			// "{{ candidate.firstName }}" and "{{optOut}}" carry four braces each: extension characters.
			.path("createChatTemplate.measure.characters").entity(Integer.class).isEqualTo(65)
			.path("createChatTemplate.measure.segments").entity(Integer.class).isEqualTo(1);
		Document stored = this.mongo.getCollection("chatTemplates").find(new Document("name", "Offer follow-up")).first();
		assertThat(stored.get("_id").toString()).isEqualTo(id);
		assertThat(stored.getString("accountId")).isEqualTo(idOf("accounts", "name", "Acme Talent"));
		assertThat(count("chatTemplates")).isEqualTo(4);
	}

	@Test
	void updatesWithTheExpectedVersionAndRefusesAStaleEdit() {
		var jane = graphQlAs("jane@acme.test");
		String id = idOf("chatTemplates", "name", "Interview invitation");

		jane.document(UPDATE)
			.variable("id", id)
			.variable("input", Map.of("name", "Interview invite", "body", "Hi {{candidate.firstName}}! {{optOut}}",
					"expectedVersion", 0))
			.execute()
			.path("updateChatTemplate.name").entity(String.class).isEqualTo("Interview invite")
			.path("updateChatTemplate.version").entity(Integer.class).isEqualTo(1);
		var before = snapshot("chatTemplates");

		jane.document(UPDATE)
			.variable("id", id)
			.variable("input", Map.of("name", "Stale", "body", "Stale body", "expectedVersion", 0))
			.execute()
			.errors()
			.satisfy(errors -> assertConflict(errors, "This chat template was changed by someone else since you "
					+ "opened it (version 1, yours 0). Reload and try again."));
		assertThat(snapshot("chatTemplates")).isEqualTo(before);
	}

	@Test
	void ofConcurrentEditsBasedOnTheSameVersionExactlyOneWins() throws Exception {
		var jane = graphQlAs("jane@acme.test");
		String id = idOf("chatTemplates", "name", "Interview invitation");
		int editors = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<ResponseError>>> outcomes = new ArrayList<>();

		try (ExecutorService threads = Executors.newFixedThreadPool(editors)) {
			for (int i = 0; i < editors; i++) {
				var request = jane.document(UPDATE)
					.variable("id", id)
					.variable("input", Map.of("name", "Edit " + i, "body", "Body " + i, "expectedVersion", 0));
				outcomes.add(threads.submit(() -> {
					start.await();
					List<ResponseError> errors = new ArrayList<>();
					request.execute().errors().satisfy(errors::addAll);
					return errors;
				}));
			}
			start.countDown();
			int won = 0;
			for (Future<List<ResponseError>> outcome : outcomes) {
				List<ResponseError> errors = outcome.get(30, TimeUnit.SECONDS);
				if (errors.isEmpty()) {
					won++;
				}
				else {
					assertConflict(errors, "(version 1, yours 0)");
				}
			}
			assertThat(won).isEqualTo(1);
		}
		Document stored = this.mongo.getCollection("chatTemplates").find(new Document("_id", new ObjectId(id))).first();
		assertThat(((Number) stored.get("version")).intValue()).isEqualTo(1);
		assertThat(stored.getString("body")).isEqualTo("Body " + stored.getString("name").substring(5));
	}

	@Test
	void anUpdateWithoutExpectedVersionAppliesToTheCurrentVersion() {
		String id = idOf("chatTemplates", "name", "Interview invitation");

		graphQlAs("sam@acme.test").document(UPDATE)
			.variable("id", id)
			.variable("input", Map.of("name", "Interview invitation", "body", "New body {{sender.name}}"))
			.execute()
			.path("updateChatTemplate.body").entity(String.class).isEqualTo("New body {{sender.name}}")
			.path("updateChatTemplate.version").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void deletingAnUnusedTemplateHidesItButKeepsItsDocument() {
		var jane = graphQlAs("jane@acme.test");
		String id = jane.document(CREATE)
			.variable("input", Map.of("name", "Unused", "body", "Hello"))
			.execute()
			.path("createChatTemplate.id").entity(String.class).get();

		jane.document(DELETE).variable("id", id).execute().path("deleteChatTemplate").entity(String.class).isEqualTo(id);

		jane.document("{ chatTemplates { name } }")
			.execute()
			.path("chatTemplates[*].name").entityList(String.class).doesNotContain("Unused");
		jane.document(GET).variable("id", id).execute().errors().satisfy(errors -> assertError(errors,
				ErrorType.NOT_FOUND, "Chat template '" + id + "' was not found."));
		Document stored = this.mongo.getCollection("chatTemplates").find(new Document("name", "Unused")).first();
		assertThat(stored.get("deletedAt")).isNotNull();
	}

	@Test
	void deletingATemplateAWorkflowUsesIsRefusedNamingTheWorkflows() {
		var jane = graphQlAs("jane@acme.test");
		String id = idOf("chatTemplates", "name", "Thanks for registering");
		var before = snapshot("chatTemplates", "workflows");

		jane.document(DELETE).variable("id", id).execute().errors().satisfy(errors -> assertError(errors,
				ErrorType.BAD_REQUEST, "The chat template “Thanks for registering” is used by the workflow "
						+ "“Graduate registration follow-up”. Remove it from that workflow's steps first."));

		assertThat(snapshot("chatTemplates", "workflows")).isEqualTo(before);
	}

	@Test
	void aDeletedWorkflowNoLongerHoldsItsTemplate() {
		this.mongo.getCollection("workflows")
			.updateOne(new Document("name", "Graduate registration follow-up"),
					new Document("$set", new Document("deletedAt", Date.from(Instant.now()))));
		String id = idOf("chatTemplates", "name", "Thanks for registering");

		graphQlAs("jane@acme.test").document(DELETE).variable("id", id).execute().path("deleteChatTemplate").hasValue();
	}

	@Test
	void badNamesAreRefusedAndNothingIsWritten() {
		var jane = graphQlAs("jane@acme.test");
		String id = idOf("chatTemplates", "name", "Interview invitation");
		var before = snapshot("chatTemplates");

		for (String name : new String[] { "", "   ", "x".repeat(101) }) {
			String expected = "The template name must be 1 to 100 characters; "
					+ (name.isBlank() ? "it is empty." : "it has 101.");
			jane.document(CREATE)
				.variable("input", Map.of("name", name, "body", "Hello"))
				.execute()
				.errors()
				.satisfy(errors -> assertError(errors, ErrorType.BAD_REQUEST, expected));
			jane.document(UPDATE)
				.variable("id", id)
				.variable("input", Map.of("name", name, "body", "Hello"))
				.execute()
				.errors()
				.satisfy(errors -> assertError(errors, ErrorType.BAD_REQUEST, expected));
		}
		assertThat(snapshot("chatTemplates")).isEqualTo(before);
	}

	@Test
	void unknownMergeFieldsAreRefusedNamingThemAndNothingIsWritten() {
		var jane = graphQlAs("jane@acme.test");
		var before = snapshot("chatTemplates");

		jane.document(CREATE)
			.variable("input", Map.of("name", "Age", "body", "Hi {{candidate.firstName}}, you are {{ candidate.age }}"))
			.execute()
			.errors()
			.satisfy(errors -> assertError(errors, ErrorType.BAD_REQUEST, "Unknown merge field {{candidate.age}}. "
					+ "Use one of: {{candidate.firstName}}, {{candidate.lastName}}, {{candidate.fullName}}, "
					+ "{{sender.name}}, {{sender.fromName}}, {{company.name}}, {{campaign.name}}, {{cta.label}}, "
					+ "{{job.title}}, {{optOut}}."));
		jane.document(UPDATE)
			.variable("id", idOf("chatTemplates", "name", "Interview invitation"))
			.variable("input", Map.of("name", "Two", "body", "{{job.salary}} and {{candidate.Email}}"))
			.execute()
			.errors()
			.satisfy(errors -> assertError(errors, ErrorType.BAD_REQUEST,
					"Unknown merge fields {{job.salary}}, {{candidate.Email}}. Use one of:"));

		assertThat(snapshot("chatTemplates")).isEqualTo(before);
	}

	@Test
	void anEmptyOrOverLongBodyIsRefusedAndNothingIsWritten() {
		var jane = graphQlAs("jane@acme.test");
		var before = snapshot("chatTemplates");

		for (String body : new String[] { "", "  \n " }) {
			jane.document(CREATE)
				.variable("input", Map.of("name", "Empty", "body", body))
				.execute()
				.errors()
				.satisfy(errors -> assertError(errors, ErrorType.BAD_REQUEST,
						"The template body is empty. Write the message: 1 to 1377 characters."));
		}
		jane.document(CREATE)
			.variable("input", Map.of("name", "Long", "body", "a".repeat(1376) + "€"))
			.execute()
			.errors()
			.satisfy(errors -> assertError(errors, ErrorType.BAD_REQUEST,
					"The template body is 1378 characters as an SMS counts them (€ [ ] { } ^ ~ | \\ count twice); "
							+ "MessageBird accepts at most 1377. Shorten it by 1."));
		jane.document(UPDATE)
			.variable("id", idOf("chatTemplates", "name", "Interview invitation"))
			.variable("input", Map.of("name", "Long", "body", "Ж".repeat(1378)))
			.execute()
			.errors()
			.satisfy(errors -> assertError(errors, ErrorType.BAD_REQUEST,
					"The template body is 1378 characters as an SMS counts them; MessageBird accepts at most 1377."));

		assertThat(snapshot("chatTemplates")).isEqualTo(before);
	}

	@Test
	void aBodyOfExactlyTheLimitIsAccepted() {
		graphQlAs("jane@acme.test").document(CREATE)
			.variable("input", Map.of("name", "Long", "body", "a".repeat(1375) + "€"))
			.execute()
			.path("createChatTemplate.measure.characters").entity(Integer.class).isEqualTo(1377)
			.path("createChatTemplate.measure.segments").entity(Integer.class).isEqualTo(9);
	}

	@Test
	void globexCannotReadChangeOrDeleteAcmeTemplates() {
		var globex = graphQlAs("admin@globex.test");
		String id = idOf("chatTemplates", "name", "Interview invitation");
		String notFound = "Chat template '" + id + "' was not found.";
		var before = snapshot("chatTemplates", "workflows");

		globex.document(GET).variable("id", id).execute().errors()
			.satisfy(errors -> assertError(errors, ErrorType.NOT_FOUND, notFound));
		globex.document(UPDATE)
			.variable("id", id)
			.variable("input", Map.of("name", "Hijacked", "body", "Hijacked"))
			.execute()
			.errors()
			.satisfy(errors -> assertError(errors, ErrorType.NOT_FOUND, notFound));
		globex.document(DELETE).variable("id", id).execute().errors()
			.satisfy(errors -> assertError(errors, ErrorType.NOT_FOUND, notFound));
		globex.document(PREVIEW).variable("templateId", id).execute().errors()
			.satisfy(errors -> assertError(errors, ErrorType.NOT_FOUND, notFound));

		assertThat(snapshot("chatTemplates", "workflows")).isEqualTo(before);
	}

	@Test
	void anIdThatDoesNotExistIsNotFoundLikeAnotherAccounts() {
		graphQlAs("jane@acme.test").document(DELETE)
			.variable("id", "0123456789abcdef01234567")
			.execute()
			.errors()
			.satisfy(errors -> assertError(errors, ErrorType.NOT_FOUND,
					"Chat template '0123456789abcdef01234567' was not found."));
	}

	@Test
	void mergeFieldsComeWithExamplesForTheCaller() {
		graphQlAs("jane@acme.test").document("{ chatMergeFields { token description example } }")
			.execute()
			.path("chatMergeFields[*].token").entityList(String.class)
			.containsExactly("{{candidate.firstName}}", "{{candidate.lastName}}", "{{candidate.fullName}}",
					"{{sender.name}}", "{{sender.fromName}}", "{{company.name}}", "{{campaign.name}}", "{{cta.label}}",
					"{{job.title}}", "{{optOut}}")
			.path("chatMergeFields[*].example").entityList(String.class)
			.containsExactly("Alex", "Sample", "Alex Sample", "Jane Doe", "Jane Doe", "Acme Talent",
					"Graduate Program 2027", "Register interest", "", "Reply STOP to opt out.");
	}

	@Test
	void previewsATemplateForTheSampleCandidateSentAsTheCaller() {
		graphQlAs("jane@acme.test").document(PREVIEW)
			.variable("templateId", idOf("chatTemplates", "name", "Thanks for registering"))
			.execute()
			.path("previewChatMessage.text").entity(String.class)
			.isEqualTo("Hi Alex, thanks for registering your interest in Graduate Program 2027! Jane Doe will be in "
					+ "touch soon. Reply STOP to opt out.")
			.path("previewChatMessage.candidateName").entity(String.class).isEqualTo("Alex Sample")
			.path("previewChatMessage.senderNumber").entity(String.class).isEqualTo("+61480000001")
			.path("previewChatMessage.fromName").entity(String.class).isEqualTo("Jane Doe")
			.path("previewChatMessage.encoding").entity(String.class).isEqualTo("GSM_7")
			.path("previewChatMessage.characters").entity(Integer.class).isEqualTo(126)
			.path("previewChatMessage.segments").entity(Integer.class).isEqualTo(1)
			.path("previewChatMessage.credits").entity(Integer.class).isEqualTo(1)
			.path("previewChatMessage.remainingInSegment").entity(Integer.class).isEqualTo(34)
			.path("previewChatMessage.unknownMergeFields").entityList(String.class).hasSize(0)
			.path("previewChatMessage.bodyMeasure.encoding").entity(String.class).isEqualTo("GSM_7")
			.path("previewChatMessage.bodyMeasure.characters").entity(Integer.class).isEqualTo(156)
			.path("previewChatMessage.bodyMeasure.segments").entity(Integer.class).isEqualTo(1);
		assertThat(count("candidates")).as("the sample candidate is not stored").isEqualTo(5);
	}

	@Test
	void previewsADraftForAChosenCandidateAndASenderWithoutANumber() {
		graphQlAs("jane@acme.test").document(PREVIEW)
			.variable("body", "Hi {{candidate.fullName}}, it's {{sender.fromName}} 😀 {{candidate.age}}")
			.variable("candidateId", idOf("candidates", "externalId", "ATS-1003"))
			.variable("senderUserId", idOf("users", "email", "sam@acme.test"))
			.execute()
			.path("previewChatMessage.text").entity(String.class)
			.isEqualTo("Hi Ava Williams, it's Acme Talent 😀 {{candidate.age}}")
			.path("previewChatMessage.candidateName").entity(String.class).isEqualTo("Ava Williams")
			.path("previewChatMessage.senderNumber").entity(String.class).isEqualTo("+61480000000")
			.path("previewChatMessage.fromName").entity(String.class).isEqualTo("Acme Talent")
			.path("previewChatMessage.encoding").entity(String.class).isEqualTo("UCS_2")
			.path("previewChatMessage.unicodeCharacters").entityList(String.class).containsExactly("😀")
			.path("previewChatMessage.unknownMergeFields").entityList(String.class).containsExactly("{{candidate.age}}");
	}

	@Test
	void aPreviewNeedsExactlyOneOfTemplateAndBody() {
		var jane = graphQlAs("jane@acme.test");

		jane.document(PREVIEW).execute().errors().satisfy(errors -> assertError(errors, ErrorType.BAD_REQUEST,
				"Give either templateId (to preview a saved template) or body (to preview a draft), not neither."));
		jane.document(PREVIEW)
			.variable("templateId", idOf("chatTemplates", "name", "Thanks for registering"))
			.variable("body", "Hi")
			.execute()
			.errors()
			.satisfy(errors -> assertError(errors, ErrorType.BAD_REQUEST, "not both."));
	}

	@Test
	void aPreviewForAnotherAccountsCandidateOrSenderIsNotFound() {
		var jane = graphQlAs("jane@acme.test");
		String globexCandidate = idOf("candidates", "externalId", "GX-1");
		String globexAdmin = idOf("users", "email", "admin@globex.test");

		jane.document(PREVIEW).variable("body", "Hi").variable("candidateId", globexCandidate).execute().errors()
			.satisfy(errors -> assertError(errors, ErrorType.NOT_FOUND, "Candidate '" + globexCandidate + "' was not found."));
		jane.document(PREVIEW).variable("body", "Hi").variable("senderUserId", globexAdmin).execute().errors()
			.satisfy(errors -> assertError(errors, ErrorType.NOT_FOUND, "User '" + globexAdmin + "' was not found."));
	}

	@Test
	void anEmptyDraftPreviewsAsNoSegment() {
		graphQlAs("jane@acme.test").document(PREVIEW)
			.variable("body", "")
			.execute()
			.path("previewChatMessage.segments").entity(Integer.class).isEqualTo(0)
			.path("previewChatMessage.credits").entity(Integer.class).isEqualTo(0);
	}

	static void assertError(List<ResponseError> errors, ErrorType type, String message) {
		assertThat(errors).hasSize(1);
		assertThat(errors.getFirst().getErrorType()).isEqualTo(type);
		assertThat(errors.getFirst().getMessage()).contains(message);
	}

	static void assertConflict(List<ResponseError> errors, String message) {
		assertError(errors, ErrorType.BAD_REQUEST, message);
		assertThat(errors.getFirst().getExtensions()).containsEntry("code", "CONFLICT");
	}

}
