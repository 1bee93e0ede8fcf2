package io.recruitflow.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.recruitflow.support.SecuritySuiteTest;
import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A catalogue of bad inputs across GraphQL arguments, GraphQL requests and the MessageBird
 * webhooks: empty, huge, wrong types, odd Unicode, operator-injection-like values, malformed
 * numbers, unknown enum values, stale versions, absurd numbers, bad cursors, oversized batches,
 * malformed JSON and forms. Each gets a clear error — its classification (or HTTP status) and a
 * piece of the message a person would read — and the whole database is the same afterwards.
 */
class BadInputCatalogueTests extends SecuritySuiteTest {

	private static final int AT_LEAST = 60;

	private static final String MB = "x".repeat(1 << 20);

	private static final String INJECTION = "{\"$gt\": \"\"}";

	/** Who sends a GraphQL case. */
	enum Who {

		ADMIN, INTEGRATOR

	}

	/** A GraphQL request ({@code body} is the raw JSON sent) or an HTTP request to another path. */
	record Case(String name, Who who, String path, MediaType type, String body, boolean signed, int status,
			String classification, String message) {
	}

	private final List<Case> cases = new ArrayList<>();

	private final Map<Who, String> credentials = new LinkedHashMap<>();

	private String workflowId;

	private String stepId;

	private String templateId;

	private String usedTemplateId;

	private String candidateId;

	private String sentStepId;

	@Test
	void everyBadInputGetsAClearErrorAndWritesNothing() {
		prepare();
		templateCases();
		workflowCases();
		paginationCases();
		triggerCases();
		inboxAndKeyCases();
		requestCases();
		webhookCases();

		SoftAssertions softly = new SoftAssertions();
		var start = databaseState();
		for (Case c : this.cases) {
			var before = databaseState();
			Response response = send(c);
			var after = databaseState();
			String shown = response.text().length() > 400 ? response.text().substring(0, 400) + "…" : response.text();
			softly.assertThat(response.status()).as("%s: HTTP status (%s)", c.name(), shown).isEqualTo(c.status());
			if (c.classification() != null) {
				softly.assertThat(response.classification()).as("%s: classification (%s)", c.name(), shown)
					.isEqualTo(c.classification());
				softly.assertThat(response.message()).as("%s: message", c.name()).contains(c.message());
				softly.assertThat(response.json().path("data").path(rootField(c)).isNull()
						|| response.json().path("data").path(rootField(c)).isMissingNode())
					.as("%s: no result (%s)", c.name(), shown)
					.isTrue();
			}
			else if (c.message() != null) {
				softly.assertThat(response.text()).as("%s: message", c.name()).contains(c.message());
			}
			softly.assertThat(difference(before, after)).as("%s wrote nothing", c.name()).isEmpty();
			System.out.printf("[security] bad input %-70s -> %d %s%n", c.name(), response.status(),
					shown.replaceAll("\\s+", " "));
		}
		pause(300);
		var end = databaseState();
		softly.assertThat(difference(start, end)).as("nothing was written later either").isEmpty();
		System.out.printf("[security] bad-input catalogue: %d bad inputs tried (%d GraphQL, %d webhook)%n", this.cases.size(),
				this.cases.stream().filter(c -> c.path().equals("/graphql")).count(),
				this.cases.stream().filter(c -> c.path().startsWith("/webhooks")).count());
		assertThat(this.cases).hasSizeGreaterThanOrEqualTo(AT_LEAST);
		softly.assertAll();
	}

	/**
	 * What the cases need: an integrator's API key, a workflow run whose step was SENT (with its
	 * conversation), a template and a workflow whose versions have moved on (so older ones are stale).
	 */
	private void prepare() {
		String admin = login("admin@acme.test");
		this.credentials.put(Who.ADMIN, admin);
		Response key = graphQlPost(admin, Map.of("query", "mutation { createApiKey(input: {name: \"ATS\"}) { secret } }"));
		this.credentials.put(Who.INTEGRATOR, key.data("createApiKey").path("secret").asText());
		Response run = graphQlPost(this.credentials.get(Who.INTEGRATOR), Map.of("query",
				"mutation($input: CtaCompletionInput!) { recordCtaCompletion(input: $input) { eventId } }", "variables",
				Map.of("input", Map.of("eventId", "catalogue-setup", "ctaId", ctaId("Register interest"), "webCampaignId",
						idOf("webCampaigns", "name", "Graduate Program 2027"), "candidate", Map.of("externalId", "ATS-1001")))));
		assertThat(run.errors()).as(run.text()).isEmpty();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mongo.getCollection("stepExecutions").countDocuments(new Document("state", "SENT")) == 1);
		this.sentStepId = this.mongo.getCollection("stepExecutions").find().first().get("_id").toString();

		this.workflowId = idOf("workflows", "name", "Interview invitation");
		Document workflow = this.mongo.getCollection("workflows").find(new Document("name", "Interview invitation")).first();
		Document step = workflow.getList("steps", Document.class).getFirst();
		this.stepId = (step.containsKey("_id") ? step.get("_id") : step.get("id")).toString();
		for (String change : List.of("resumeWorkflow", "pauseWorkflow")) {
			Response changed = graphQlPost(admin, Map.of("query", "mutation($id: ID!) { " + change + "(id: $id) { version } }",
					"variables", Map.of("id", this.workflowId)));
			assertThat(changed.errors()).as(changed.text()).isEmpty();
		}
		this.templateId = idOf("chatTemplates", "name", "Interview invitation");
		this.usedTemplateId = idOf("chatTemplates", "name", "Thanks for registering");
		Response edited = graphQlPost(admin, Map.of("query",
				"mutation($id: ID!) { updateChatTemplate(id: $id, input: {name: \"Interview invitation\", body: \"Hi {{candidate.firstName}}, can we talk?\"}) { version } }",
				"variables", Map.of("id", this.templateId)));
		assertThat(edited.data("updateChatTemplate").path("version").asInt()).as(edited.text()).isEqualTo(1);
		this.candidateId = idOf("candidates", "externalId", "ATS-1002");
		pause(200);
	}

	private void templateCases() {
		String create = "mutation($input: ChatTemplateInput!) { createChatTemplate(input: $input) { id } }";
		bad("template: empty name", create, Map.of("input", Map.of("name", "", "body", "Hi")), "BAD_REQUEST",
				"The template name must be 1 to 100 characters; it is empty.");
		bad("template: name of spaces and tabs", create, Map.of("input", Map.of("name", "  \t ", "body", "Hi")),
				"BAD_REQUEST", "it is empty.");
		bad("template: name of 101 characters", create, Map.of("input", Map.of("name", "n".repeat(101), "body", "Hi")),
				"BAD_REQUEST", "it has 101.");
		bad("template: name of 1 MB", create, Map.of("input", Map.of("name", MB, "body", "Hi")), "BAD_REQUEST",
				"$input.name is 1048576 characters long; a text argument may hold at most 10000 characters.");
		bad("template: name of zero-width characters only", create,
				Map.of("input", Map.of("name", "\u200B\u200D\uFEFF", "body", "Hi")), "BAD_REQUEST", "it is empty.");
		bad("template: name of right-to-left marks and no-break spaces only", create,
				Map.of("input", Map.of("name", "\u200F\u00A0\u200E", "body", "Hi")), "BAD_REQUEST", "it is empty.");
		bad("template: NUL in the name", create, Map.of("input", Map.of("name", "Hi\u0000there", "body", "Hi")),
				"BAD_REQUEST", "$input.name holds the control character U+0000 at position 3");
		rawBad("template: lone surrogate in the name (raw JSON)", Who.ADMIN,
				"{\"query\":\"" + create.replace("\"", "\\\"")
						+ "\",\"variables\":{\"input\":{\"name\":\"Broken \\ud83d name\",\"body\":\"Hi\"}}}",
				"BAD_REQUEST", "$input.name is not valid Unicode text: it holds an unpaired surrogate (U+D83D)");
		bad("template: NUL written into the query", "mutation { createChatTemplate(input: {name: \"a\\u0000b\", body: \"Hi\"}) { id } }",
				Map.of(), "BAD_REQUEST", "The text on line 1 of the query holds the control character U+0000");
		bad("template: empty body", create, Map.of("input", Map.of("name", "New", "body", "")), "BAD_REQUEST",
				"The template body is empty.");
		bad("template: body of zero-width spaces only", create, Map.of("input", Map.of("name", "New", "body", "\u200B\u200B")),
				"BAD_REQUEST", "The template body is empty.");
		bad("template: unknown merge field", create,
				Map.of("input", Map.of("name", "New", "body", "Your SSN is {{candidate.ssn}}")), "BAD_REQUEST",
				"Unknown merge field {{candidate.ssn}}");
		bad("template: body longer than MessageBird accepts", create,
				Map.of("input", Map.of("name", "New", "body", "b".repeat(1378))), "BAD_REQUEST",
				"MessageBird accepts at most 1377. Shorten it by 1.");
		bad("template: operator-injection-like id", "mutation($id: ID!) { updateChatTemplate(id: $id, input: {name: \"X\", body: \"Hi\"}) { id } }",
				Map.of("id", INJECTION), "NOT_FOUND", "Chat template '" + INJECTION + "' was not found.");
		// graphql-java's ID scalar takes any JSON value as its text: the operator never reaches a query.
		bad("template: an operator object given as an id is read as plain text", "query($id: ID!) { chatTemplate(id: $id) { id } }",
				Map.of("id", Map.of("$gt", "")), "NOT_FOUND", "Chat template '{$gt=}' was not found.");
		bad("template: a name given as an operator object", create, Map.of("input", Map.of("name", Map.of("$ne", ""), "body", "Hi")),
				"BAD_REQUEST", "Variable 'input' has an invalid value");
		bad("template: stale expectedVersion", "mutation($id: ID!) { updateChatTemplate(id: $id, input: {name: \"X\", body: \"Hi\", expectedVersion: 0}) { id } }",
				Map.of("id", this.templateId), "BAD_REQUEST", "changed by someone else since you opened it (version 1, yours 0)");
		bad("template: negative expectedVersion", "mutation($id: ID!) { updateChatTemplate(id: $id, input: {name: \"X\", body: \"Hi\", expectedVersion: -1}) { id } }",
				Map.of("id", this.templateId), "BAD_REQUEST", "(version 1, yours -1)");
		bad("template: deleting one a workflow uses", "mutation($id: ID!) { deleteChatTemplate(id: $id) }",
				Map.of("id", this.usedTemplateId), "BAD_REQUEST", "is used by the workflow “Graduate registration follow-up”");
		bad("preview: neither template nor body", "{ previewChatMessage { text } }", Map.of(), "BAD_REQUEST",
				"Give either templateId (to preview a saved template) or body (to preview a draft), not neither.");
		bad("preview: both template and body", "query($id: ID) { previewChatMessage(templateId: $id, body: \"Hi\") { text } }",
				Map.of("id", this.templateId), "BAD_REQUEST", "not both.");
		bad("preview: body over 5000 characters", "query($body: String) { previewChatMessage(body: $body) { text } }",
				Map.of("body", "p".repeat(5001)), "BAD_REQUEST", "body is 5001 characters; a preview takes at most 5000");
		bad("preview: a candidate id that is not an id", "{ previewChatMessage(body: \"Hi\", candidateId: \"not-an-id\") { text } }",
				Map.of(), "NOT_FOUND", "Candidate 'not-an-id' was not found.");
	}

	private void workflowCases() {
		String create = "mutation($input: WorkflowInput!) { createWorkflow(input: $input) { id } }";
		String cta = ctaId("Apply now");
		bad("workflow: empty name", create, Map.of("input", workflow("", cta)), "BAD_REQUEST",
				"The workflow name must be 1 to 100 characters; it is empty.");
		bad("workflow: name of invisible characters only", create, Map.of("input", workflow("\u2060\u200B", cta)),
				"BAD_REQUEST", "it is empty.");
		bad("workflow: CTA trigger without a CTA", create,
				Map.of("input", Map.of("name", "W", "trigger", Map.of("type", "CTA_COMPLETED"))), "BAD_REQUEST",
				"A CTA_COMPLETED trigger needs trigger.ctaId");
		bad("workflow: an unknown CTA id", create, Map.of("input", workflow("W", "000000000000000000000000")),
				"BAD_REQUEST", "trigger.ctaId: there is no CTA '000000000000000000000000' in your web campaigns.");
		bad("workflow: operator-injection-like CTA id", create, Map.of("input", workflow("W", INJECTION)), "BAD_REQUEST",
				"there is no CTA '" + INJECTION + "'");
		bad("workflow: unknown trigger type (variable)", create,
				Map.of("input", Map.of("name", "W", "trigger", Map.of("type", "CTA_CLICKED", "ctaId", cta))), "BAD_REQUEST",
				"CTA_CLICKED");
		bad("workflow: unknown ATS status", create,
				Map.of("input", Map.of("name", "W", "trigger", Map.of("type", "ATS_STATUS_CHANGED", "toStatus", "Promoted"))),
				"BAD_REQUEST", "trigger.toStatus: 'Promoted' is not one of your ATS statuses: New, Screening");
		bad("workflow: from and to status the same", create,
				Map.of("input", Map.of("name", "W", "trigger",
						Map.of("type", "ATS_STATUS_CHANGED", "toStatus", "Offer", "fromStatus", "offer"))),
				"BAD_REQUEST", "trigger.fromStatus must differ from trigger.toStatus (both are 'Offer').");
		bad("workflow: CTA trigger with a status", create,
				Map.of("input", Map.of("name", "W", "trigger", Map.of("type", "CTA_COMPLETED", "ctaId", cta, "toStatus", "Offer"))),
				"BAD_REQUEST", "remove trigger.toStatus");
		bad("workflow: negative re-entry minimum", create, Map.of("input", withReentry(workflow("W", cta), -1)),
				"BAD_REQUEST", "reentryMinimumMinutes must be 0 to 525600 (a year; 0 means no minimum); it is -1.");
		bad("workflow: re-entry minimum over a year", create, Map.of("input", withReentry(workflow("W", cta), 525_601)),
				"BAD_REQUEST", "it is 525601.");
		rawBad("workflow: re-entry minimum beyond a 32-bit integer (raw JSON)", Who.ADMIN,
				"{\"query\":\"" + create.replace("\"", "\\\"") + "\",\"variables\":{\"input\":{\"name\":\"W\",\"trigger\":{\"type\":\"CTA_COMPLETED\",\"ctaId\":\""
						+ cta + "\"},\"reentryMinimumMinutes\":99999999999}}}",
				"BAD_REQUEST", "Variable 'input' has an invalid value");
		List<Map<String, Object>> criteria = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			criteria.add(Map.of("field", "atsStatus", "operator", "EQUALS", "values", List.of("New")));
		}
		bad("workflow: 21 criteria", create, Map.of("input", withCriteria(workflow("W", cta), criteria)), "BAD_REQUEST",
				"A workflow takes at most 20 criteria; this one has 21.");
		bad("workflow: unknown criteria field", create,
				Map.of("input", withCriteria(workflow("W", cta), List.of(Map.of("field", "salary", "operator", "EXISTS")))),
				"BAD_REQUEST", "criteria[0].field: unknown criteria field 'salary'");
		bad("workflow: dotted custom field in a criterion", create,
				Map.of("input", withCriteria(workflow("W", cta), List.of(Map.of("field", "customFields.a.b", "operator", "EXISTS")))),
				"BAD_REQUEST", "unknown criteria field 'customFields.a.b'");
		bad("workflow: operator-like custom field in a criterion", create,
				Map.of("input", withCriteria(workflow("W", cta), List.of(Map.of("field", "customFields.$where", "operator", "EXISTS")))),
				"BAD_REQUEST", "unknown criteria field 'customFields.$where'");
		bad("workflow: EXISTS with values", create,
				Map.of("input", withCriteria(workflow("W", cta),
						List.of(Map.of("field", "email", "operator", "EXISTS", "values", List.of("a"))))),
				"BAD_REQUEST", "criteria[0]: EXISTS takes no values; 1 was given.");
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 51; i++) {
			many.add("v" + i);
		}
		bad("workflow: IN with 51 values", create,
				Map.of("input", withCriteria(workflow("W", cta), List.of(Map.of("field", "firstName", "operator", "IN", "values", many)))),
				"BAD_REQUEST", "IN takes 1 to 50 values; 51 were given.");
		bad("workflow: criterion value of 201 characters", create,
				Map.of("input", withCriteria(workflow("W", cta),
						List.of(Map.of("field", "firstName", "operator", "EQUALS", "values", List.of("v".repeat(201)))))),
				"BAD_REQUEST", "a value may have at most 200 characters; one has 201.");
		bad("workflow: unknown criterion operator (variable)", create,
				Map.of("input", withCriteria(workflow("W", cta), List.of(Map.of("field", "firstName", "operator", "LIKE", "values", List.of("A"))))),
				"BAD_REQUEST", "LIKE");
		bad("workflow: stale expectedVersion", "mutation($id: ID!, $input: WorkflowInput!) { updateWorkflow(id: $id, input: $input) { id } }",
				Map.of("id", this.workflowId, "input", withVersion(workflow("Renamed", cta), 0)), "BAD_REQUEST",
				"This workflow was changed by someone else since you opened it (version 2, yours 0). Reload and try again.");
		String add = "mutation($id: ID!, $input: WorkflowStepInput!, $position: Int, $version: Int) { addWorkflowStep(workflowId: $id, input: $input, position: $position, expectedVersion: $version) { id } }";
		bad("step: wait of 0 minutes", add, Map.of("id", this.workflowId, "input", Map.of("kind", "WAIT", "waitMinutes", 0)),
				"BAD_REQUEST", "waitMinutes must be 1 to 43200 (30 days); it is 0.");
		bad("step: negative wait", add, Map.of("id", this.workflowId, "input", Map.of("kind", "WAIT", "waitMinutes", -5)),
				"BAD_REQUEST", "it is -5.");
		bad("step: wait over 30 days", add, Map.of("id", this.workflowId, "input", Map.of("kind", "WAIT", "waitMinutes", 43_201)),
				"BAD_REQUEST", "it is 43201.");
		bad("step: wait given as a string", add, Map.of("id", this.workflowId, "input", Map.of("kind", "WAIT", "waitMinutes", "60")),
				"BAD_REQUEST", "Variable 'input' has an invalid value");
		bad("step: lower-case kind", add, Map.of("id", this.workflowId, "input", Map.of("kind", "wait", "waitMinutes", 60)),
				"BAD_REQUEST", "wait");
		bad("step: wait with a sender", add,
				Map.of("id", this.workflowId, "input", Map.of("kind", "WAIT", "waitMinutes", 60, "senderUserId", idOf("users", "email", "jane@acme.test"))),
				"BAD_REQUEST", "A WAIT step takes waitMinutes only; remove senderUserId");
		bad("step: chat message without a template", add,
				Map.of("id", this.workflowId, "input", Map.of("kind", "CHAT_MESSAGE", "senderUserId", idOf("users", "email", "jane@acme.test"))),
				"BAD_REQUEST", "chatTemplateId is missing.");
		bad("step: position -1", add, Map.of("id", this.workflowId, "input", Map.of("kind", "WAIT", "waitMinutes", 60), "position", -1),
				"BAD_REQUEST", "position must be 0 to 1 (0 is first, 1 appends); it is -1.");
		bad("step: position 99", add, Map.of("id", this.workflowId, "input", Map.of("kind", "WAIT", "waitMinutes", 60), "position", 99),
				"BAD_REQUEST", "it is 99.");
		bad("step: stale expectedVersion", add,
				Map.of("id", this.workflowId, "input", Map.of("kind", "WAIT", "waitMinutes", 60), "version", 1), "BAD_REQUEST",
				"(version 2, yours 1)");
		bad("step: move to position 5 of 1", "mutation($id: ID!, $step: ID!) { moveWorkflowStep(workflowId: $id, stepId: $step, position: 5) { id } }",
				Map.of("id", this.workflowId, "step", this.stepId), "BAD_REQUEST", "position must be 0 to 0 (0 is first); it is 5.");
		bad("step: remove an unknown step", "mutation($id: ID!) { removeWorkflowStep(workflowId: $id, stepId: \"nope\") { id } }",
				Map.of("id", this.workflowId), "NOT_FOUND", "Workflow step 'nope' was not found.");
		bad("workflows: unknown status filter (literal)", "{ workflows(status: DELETED) { id } }", Map.of(), "BAD_REQUEST",
				"DELETED");
		bad("workflow: missing required id argument", "{ workflow { id } }", Map.of(), "BAD_REQUEST", "'id'");
		bad("workflow runs: unknown state filter", "query($id: ID!) { workflowRuns(workflowId: $id, state: EXPLODED) { edges { cursor } } }",
				Map.of("id", this.workflowId), "BAD_REQUEST", "EXPLODED");
		bad("step: retry a step that was sent", "mutation($id: ID!) { retryStep(id: $id) { id } }", Map.of("id", this.sentStepId),
				"BAD_REQUEST", "Only a failed or dead Chat Message step can be retried; this one is SENT.");
		bad("step: resolve a step that is not unconfirmed", "mutation($id: ID!) { resolveUnconfirmedStep(id: $id, sent: true) { id } }",
				Map.of("id", this.sentStepId), "BAD_REQUEST", "Only an UNCONFIRMED step can be resolved; this one is SENT.");
		bad("step: resolve with sent given as a string", "mutation($id: ID!, $sent: Boolean!) { resolveUnconfirmedStep(id: $id, sent: $sent) { id } }",
				Map.of("id", this.sentStepId, "sent", "yes"), "BAD_REQUEST", "Variable 'sent' has an invalid value");
	}

	private void paginationCases() {
		String candidates = "query($first: Int, $after: String, $search: String) { candidates(first: $first, after: $after, search: $search) { totalCount } }";
		bad("candidates: first 0", candidates, Map.of("first", 0), "BAD_REQUEST", "first must be 1 to 100.");
		bad("candidates: first -1", candidates, Map.of("first", -1), "BAD_REQUEST", "first must be 1 to 100.");
		bad("candidates: first 2147483647", candidates, Map.of("first", Integer.MAX_VALUE), "BAD_REQUEST",
				"first must be 1 to 100.");
		bad("candidates: first 1.5", candidates, Map.of("first", 1.5), "BAD_REQUEST", "Variable 'first' has an invalid value");
		bad("candidates: first as text", candidates, Map.of("first", "ten"), "BAD_REQUEST", "Variable 'first' has an invalid value");
		bad("candidates: a cursor this API never gave out", candidates, Map.of("after", "not-a-cursor"), "BAD_REQUEST",
				"The cursor 'not-a-cursor' is not one this API gave out.");
		bad("candidates: operator-injection-like cursor", candidates, Map.of("after", INJECTION), "BAD_REQUEST",
				"is not one this API gave out.");
		bad("candidates: search of 1 MB", candidates, Map.of("search", MB), "BAD_REQUEST",
				"$search is 1048576 characters long");
		String inbox = "query($first: Int, $after: String) { inbox(mine: false, first: $first, after: $after) { edges { cursor } } }";
		bad("inbox: garbage cursor", inbox, Map.of("after", "garbage!"), "BAD_REQUEST", "The cursor 'garbage!' is not one this API gave out.");
		String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("2026-01-01T00:00:00Z|not-an-object-id".getBytes(StandardCharsets.UTF_8));
		bad("inbox: a well-formed cursor holding a bad id", inbox, Map.of("after", forged), "BAD_REQUEST",
				"The cursor '" + forged + "' is not one this API gave out.");
		String injected = Base64.getUrlEncoder().withoutPadding().encodeToString(("2026-01-01T00:00:00Z|" + INJECTION).getBytes(StandardCharsets.UTF_8));
		bad("inbox: a cursor holding an operator", inbox, Map.of("after", injected), "BAD_REQUEST", "is not one this API gave out.");
		bad("inbox: first 101", inbox, Map.of("first", 101), "BAD_REQUEST", "first must be 1 to 100.");
		bad("credit ledger: first 201", "{ creditLedger(first: 201) { id } }", Map.of(), "BAD_REQUEST", "first must be 1 to 200.");
		bad("workflow runs: first 0", "query($id: ID!) { workflowRuns(workflowId: $id, first: 0) { edges { cursor } } }",
				Map.of("id", this.workflowId), "BAD_REQUEST", "first must be 1 to 100.");
	}

	private void triggerCases() {
		String record = "mutation($input: CtaCompletionInput!) { recordCtaCompletion(input: $input) { eventId } }";
		bad(Who.INTEGRATOR, "trigger: empty eventId", record, Map.of("input", event("", candidate("NEW-1"))), "BAD_REQUEST",
				"eventId must be 1 to 200 characters");
		bad(Who.INTEGRATOR, "trigger: eventId of 1 MB", record, Map.of("input", event(MB, candidate("NEW-1"))), "BAD_REQUEST",
				"$input.eventId is 1048576 characters long");
		bad(Who.INTEGRATOR, "trigger: externalId of zero-width spaces", record, Map.of("input", event("t1", candidate("\u200B\u200B"))),
				"BAD_REQUEST", "candidate.externalId must be 1 to 100 characters");
		bad(Who.INTEGRATOR, "trigger: email that is not one", record,
				Map.of("input", event("t2", with(candidate("NEW-1"), "email", "not-an-email"))), "BAD_REQUEST",
				"candidate.email 'not-an-email' is not an email address.");
		bad(Who.INTEGRATOR, "trigger: mobile of 41 characters", record,
				Map.of("input", event("t3", with(candidate("NEW-1"), "mobile", "+61" + "4".repeat(38)))), "BAD_REQUEST",
				"candidate.mobile is too long: at most 40 characters.");
		bad(Who.INTEGRATOR, "trigger: dotted custom field name", record,
				Map.of("input", event("t4", with(candidate("NEW-1"), "customFields", List.of(Map.of("name", "a.b", "value", "1"))))),
				"BAD_REQUEST", "Custom field name 'a.b' is not allowed");
		bad(Who.INTEGRATOR, "trigger: operator custom field name", record,
				Map.of("input", event("t5", with(candidate("NEW-1"), "customFields", List.of(Map.of("name", "$gt", "value", "")))))
				, "BAD_REQUEST", "Custom field name '$gt' is not allowed");
		bad(Who.INTEGRATOR, "trigger: empty custom field name", record,
				Map.of("input", event("t6", with(candidate("NEW-1"), "customFields", List.of(Map.of("name", "", "value", "1"))))),
				"BAD_REQUEST", "Custom field name '' is not allowed");
		List<Map<String, Object>> fields = new ArrayList<>();
		for (int i = 0; i < 51; i++) {
			fields.add(Map.of("name", "f" + i, "value", "v"));
		}
		bad(Who.INTEGRATOR, "trigger: 51 custom fields", record,
				Map.of("input", event("t7", with(candidate("NEW-1"), "customFields", fields))), "BAD_REQUEST",
				"At most 50 custom fields per candidate.");
		bad(Who.INTEGRATOR, "trigger: custom field value of 501 characters", record,
				Map.of("input", event("t8", with(candidate("NEW-1"), "customFields", List.of(Map.of("name", "note", "value", "v".repeat(501)))))),
				"BAD_REQUEST", "custom field 'note' is too long: at most 500 characters.");
		bad(Who.INTEGRATOR, "trigger: job title of 201 characters", record,
				Map.of("input", with(event("t9", candidate("NEW-1")), "jobTitle", "j".repeat(201))), "BAD_REQUEST",
				"jobTitle is too long: at most 200 characters.");
		bad(Who.INTEGRATOR, "trigger: occurredAt that is not a date", record,
				Map.of("input", with(event("t10", candidate("NEW-1")), "occurredAt", "yesterday")), "BAD_REQUEST",
				"'yesterday' is not an ISO-8601 date-time");
		bad(Who.INTEGRATOR, "trigger: an unknown input field", record,
				Map.of("input", with(event("t11", candidate("NEW-1")), "priority", "high")), "BAD_REQUEST", "priority");
		Map<String, Object> noCandidate = event("t12", candidate("NEW-1"));
		noCandidate.remove("candidate");
		bad(Who.INTEGRATOR, "trigger: no candidate", record, Map.of("input", noCandidate), "BAD_REQUEST", "candidate");
		bad(Who.INTEGRATOR, "trigger: unknown web campaign", record,
				Map.of("input", with(event("t13", candidate("NEW-1")), "webCampaignId", "000000000000000000000000")),
				"BAD_REQUEST", "webCampaignId '000000000000000000000000' is not one of your web campaigns.");
		List<Map<String, Object>> batch = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			batch.add(event("b" + i, candidate("NEW-" + i)));
		}
		bad(Who.INTEGRATOR, "trigger: batch over the maximum", "mutation($inputs: [CtaCompletionInput!]!) { recordCtaCompletions(inputs: $inputs) { eventId } }",
				Map.of("inputs", batch), "BAD_REQUEST", "A batch takes at most 5 events; this one has 6. Split it into smaller batches.");
		bad(Who.INTEGRATOR, "trigger: unknown ATS status", "mutation($input: AtsStatusChangeInput!) { recordAtsStatusChange(input: $input) { eventId } }",
				Map.of("input", Map.of("eventId", "s1", "toStatus", "Promoted", "candidate", candidate("ATS-1001"))), "BAD_REQUEST",
				"toStatus 'Promoted' is not one of your ATS statuses: New, Screening, Interview, Offer, Hired, Rejected.");
		bad(Who.INTEGRATOR, "trigger: NUL in an ATS status", "mutation($input: AtsStatusChangeInput!) { recordAtsStatusChange(input: $input) { eventId } }",
				Map.of("input", Map.of("eventId", "s2", "toStatus", "Offer\u0000", "candidate", candidate("ATS-1001"))), "BAD_REQUEST",
				"$input.toStatus holds the control character U+0000");
	}

	private void inboxAndKeyCases() {
		String send = "mutation($id: ID!, $body: String!) { sendChatMessage(candidateId: $id, body: $body) { id } }";
		bad("send: empty body", send, Map.of("id", this.candidateId, "body", ""), "BAD_REQUEST", "Write a message first: the body is empty.");
		bad("send: body of zero-width spaces only", send, Map.of("id", this.candidateId, "body", "\u200B\u200C\u200D"),
				"BAD_REQUEST", "Write a message first: the body is empty.");
		bad("send: body longer than an SMS can carry", send, Map.of("id", this.candidateId, "body", "s".repeat(1378)),
				"BAD_REQUEST", "The message is 1378 characters; an SMS can carry at most 1377.");
		bad("send: operator-injection-like candidate id", send, Map.of("id", "{\"$ne\": null}", "body", "Hi"), "NOT_FOUND",
				"Candidate '{\"$ne\": null}' was not found.");
		bad("send: missing body variable", send, Map.of("id", this.candidateId), "BAD_REQUEST", "body");
		String simulate = "mutation($id: ID!, $to: String) { simulateCandidateReply(candidateId: $id, body: \"Hi\", toNumber: $to) { id } }";
		bad("simulated reply: to another account's number", simulate, Map.of("id", this.candidateId, "to", "+61480000100"),
				"BAD_REQUEST", "toNumber '+61480000100' is not one of your account's SMS numbers.");
		bad("simulated reply: to something that is not a number", simulate, Map.of("id", this.candidateId, "to", "not a number"),
				"BAD_REQUEST", "toNumber 'not a number' is not one of your account's SMS numbers.");
		bad("notification: empty id", "mutation { markNotificationRead(id: \"\") { id } }", Map.of(), "NOT_FOUND",
				"Notification '' was not found.");
		bad("conversation: id with a NUL", "mutation($id: ID!) { markConversationRead(id: $id) { id } }",
				Map.of("id", "abc\u0000def"), "BAD_REQUEST", "$id holds the control character U+0000");
		String key = "mutation($name: String!) { createApiKey(input: {name: $name}) { secret } }";
		bad("API key: empty name", key, Map.of("name", ""), "BAD_REQUEST", "The API key name must be 1 to 80 characters");
		bad("API key: name of 81 characters", key, Map.of("name", "k".repeat(81)), "BAD_REQUEST", "1 to 80 characters");
		bad("API key: name of invisible characters only", key, Map.of("name", "\u200B\u00A0"), "BAD_REQUEST", "1 to 80 characters");
	}

	private void requestCases() {
		rawBad("request: syntax error", Who.ADMIN, json(Map.of("query", "{ me { email }")), "BAD_REQUEST", "Invalid syntax");
		bad("request: unknown field", "{ salary }", Map.of(), "BAD_REQUEST", "Field 'salary' in type 'Query' is undefined");
		StringBuilder huge = new StringBuilder("{");
		for (int i = 0; i < 16_000; i++) {
			huge.append(" a").append(i).append(": __typename");
		}
		rawBad("request: a document of 32,000 tokens", Who.ADMIN, json(Map.of("query", huge.append(" }").toString())),
				"BAD_REQUEST", "tokens have been presented. To prevent Denial Of Service attacks, parsing has been cancelled.");
		http("request: body that is not JSON", "/graphql", MediaType.APPLICATION_JSON, "query={me{email}}", 400, "Bad Request");
		http("request: a JSON array (batched requests)", "/graphql", MediaType.APPLICATION_JSON,
				"[" + json(Map.of("query", "{ me { email } }")) + "," + json(Map.of("query", "{ me { email } }")) + "]", 400, "Bad Request");
		http("request: no query", "/graphql", MediaType.APPLICATION_JSON, "{\"variables\":{}}", 400, "Bad Request");
		http("request: variables that are not an object", "/graphql", MediaType.APPLICATION_JSON,
				"{\"query\":\"{ me { email } }\",\"variables\":\"x\"}", 400, "Bad Request");
	}

	private void webhookCases() {
		webhook("inbound: malformed JSON", INBOUND, MediaType.APPLICATION_JSON, "{\"id\": \"in-1\", ", 400,
				"The body is neither JSON nor a form.");
		webhook("inbound: a JSON array", INBOUND, MediaType.APPLICATION_JSON, "[1, 2]", 400, "The body is neither JSON nor a form.");
		webhook("inbound: a JSON string", INBOUND, MediaType.APPLICATION_JSON, "\"hello\"", 400, "The body is neither JSON nor a form.");
		webhook("inbound: empty JSON body", INBOUND, MediaType.APPLICATION_JSON, "", 400, "The body is neither JSON nor a form.");
		webhook("inbound: JSON nested 5000 deep", INBOUND, MediaType.APPLICATION_JSON, "[".repeat(5000) + "]".repeat(5000), 400,
				"The body is neither JSON nor a form.");
		webhook("inbound: no originator", INBOUND, MediaType.APPLICATION_JSON,
				json(Map.of("id", "in-2", "recipient", "61480000001", "body", "Hi")), 400, "originator is required");
		webhook("inbound: no recipient", INBOUND, MediaType.APPLICATION_JSON,
				json(Map.of("id", "in-3", "originator", "61412345678", "body", "Hi")), 400, "recipient is required");
		webhook("inbound: no id", INBOUND, MediaType.APPLICATION_JSON,
				json(Map.of("originator", "61412345678", "recipient", "61480000001", "body", "Hi")), 400, "id is required");
		webhook("inbound: originator that is not a number", INBOUND, MediaType.APPLICATION_JSON,
				json(Map.of("id", "in-4", "originator", "not a number", "recipient", "61480000001", "body", "Hi")), 400,
				"originator 'not a number' is not a valid phone number.");
		webhook("inbound: originator as an operator object", INBOUND, MediaType.APPLICATION_JSON,
				json(Map.of("id", "in-5", "originator", Map.of("$gt", ""), "recipient", "61480000001", "body", "Hi")), 400,
				"is not a valid phone number.");
		webhook("inbound: originator of 300 digits", INBOUND, MediaType.APPLICATION_JSON,
				json(Map.of("id", "in-6", "originator", "6".repeat(300), "recipient", "61480000001", "body", "Hi")), 400,
				"is not a valid phone number.");
		webhook("inbound: truncated recipient", INBOUND, MediaType.APPLICATION_JSON,
				json(Map.of("id", "in-7", "originator", "61412345678", "recipient", "+61 4", "body", "Hi")), 400,
				"recipient '+61 4' is not a valid phone number.");
		webhook("inbound: blank body", INBOUND, MediaType.APPLICATION_JSON,
				json(Map.of("id", "in-8", "originator", "61412345678", "recipient", "61480000001", "body", "   ")), 400, "body is empty.");
		webhook("inbound: body of 1 MB", INBOUND, MediaType.APPLICATION_JSON,
				json(Map.of("id", "in-9", "originator", "61412345678", "recipient", "61480000001", "body", MB)), 400,
				"body is longer than an SMS can be (1377 characters).");
		webhook("inbound: lone surrogate in the body (raw JSON)", INBOUND, MediaType.APPLICATION_JSON,
				"{\"id\":\"in-10\",\"originator\":\"61412345678\",\"recipient\":\"61480000001\",\"body\":\"Hi \\ud800 there\"}", 400,
				"body is not valid Unicode text");
		webhook("inbound: NUL in the body", INBOUND, MediaType.APPLICATION_JSON,
				json(Map.of("id", "in-11", "originator", "61412345678", "recipient", "61480000001", "body", "Hi\u0000")), 400,
				"body holds the control character U+0000");
		webhook("inbound: form with a malformed percent escape", INBOUND, MediaType.APPLICATION_FORM_URLENCODED,
				"id=in-12&originator=61412345678&recipient=61480000001&body=100%ZZ", 400, "The body is neither JSON nor a form.");
		webhook("inbound: form with bracketed operator keys", INBOUND, MediaType.APPLICATION_FORM_URLENCODED,
				"id=in-13&originator%5B%24gt%5D=&recipient=61480000001&body=Hi", 400, "originator is required");
		webhook("inbound: plain text body", INBOUND, MediaType.TEXT_PLAIN, "Hi there", 400, "id is required");
		webhook("status: no id", STATUS, MediaType.APPLICATION_FORM_URLENCODED, "status=delivered", 400,
				"A delivery report needs id and status.");
		webhook("status: no status", STATUS, MediaType.APPLICATION_FORM_URLENCODED, "id=sandbox-123", 400,
				"A delivery report needs id and status.");
		webhook("status: malformed percent escape", STATUS, MediaType.APPLICATION_FORM_URLENCODED, "id=%E0%A4%A&status=delivered", 400,
				"The delivery report is not a valid form");
		webhook("status: unknown message id (acknowledged, ignored)", STATUS, MediaType.APPLICATION_FORM_URLENCODED,
				"id=" + "000000000000000000000000" + "&status=delivered", 200, "\"ok\"");
		webhook("status: operator-like message id (acknowledged, ignored)", STATUS, MediaType.APPLICATION_FORM_URLENCODED,
				"id%5B%24ne%5D=x&id=%7B%22%24ne%22%3Anull%7D&status=delivered", 200, "\"ok\"");
		String sent = this.mongo.getCollection("messages").find(new Document("direction", "OUTBOUND")).first().getString("providerMessageId");
		webhook("status: unknown status word (acknowledged, ignored)", STATUS, MediaType.APPLICATION_FORM_URLENCODED,
				"id=" + sent + "&status=exploded", 200, "\"ok\"");
	}

	// ---- building cases ----

	private void bad(String name, String document, Map<String, ?> variables, String classification, String message) {
		bad(Who.ADMIN, name, document, variables, classification, message);
	}

	private void bad(Who who, String name, String document, Map<String, ?> variables, String classification, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		this.cases.add(new Case(name, who, "/graphql", MediaType.APPLICATION_JSON, json(body), false, 200, classification, message));
	}

	private void rawBad(String name, Who who, String body, String classification, String message) {
		this.cases.add(new Case(name, who, "/graphql", MediaType.APPLICATION_JSON, body, false, 200, classification, message));
	}

	private void http(String name, String path, MediaType type, String body, int status, String message) {
		this.cases.add(new Case(name, Who.ADMIN, path, type, body, false, status, null, message));
	}

	private void webhook(String name, String path, MediaType type, String body, int status, String message) {
		this.cases.add(new Case(name, null, path, type, body, true, status, null, message));
	}

	private Response send(Case c) {
		if (c.signed()) {
			return signedWebhook(c.path(), c.type(), c.body());
		}
		return exchange(HttpMethod.POST, c.path(), c.type(), c.body(),
				c.who() == null ? Map.of() : Map.of("Authorization", "Bearer " + this.credentials.get(c.who())));
	}

	/** The operation's first field, whose result must be absent for a refused request. */
	private static String rootField(Case c) {
		try {
			String query = JSON.readTree(c.body()).path("query").asText();
			var matcher = java.util.regex.Pattern.compile("\\{\\s*(\\w+)").matcher(query);
			return matcher.find() ? matcher.group(1) : "";
		}
		catch (Exception ex) {
			return "";
		}
	}

	private static Map<String, Object> workflow(String name, String ctaId) {
		return new LinkedHashMap<>(Map.of("name", name, "trigger", Map.of("type", "CTA_COMPLETED", "ctaId", ctaId)));
	}

	private static Map<String, Object> withReentry(Map<String, Object> input, int minutes) {
		return with(input, "reentryMinimumMinutes", minutes);
	}

	private static Map<String, Object> withCriteria(Map<String, Object> input, List<Map<String, Object>> criteria) {
		return with(input, "criteria", criteria);
	}

	private static Map<String, Object> withVersion(Map<String, Object> input, int version) {
		return with(input, "expectedVersion", version);
	}

	private Map<String, Object> event(String eventId, Map<String, Object> candidate) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("eventId", eventId);
		event.put("ctaId", ctaId("Register interest"));
		event.put("candidate", candidate);
		return event;
	}

	private static Map<String, Object> candidate(String externalId) {
		Map<String, Object> candidate = new LinkedHashMap<>();
		candidate.put("externalId", externalId);
		candidate.put("firstName", "Pat");
		candidate.put("mobile", "+61412000111");
		return candidate;
	}

	private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(map);
		copy.put(key, value);
		return copy;
	}

}
