package io.recruitflow.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.recruitflow.dispatch.RunStarter;
import io.recruitflow.dispatch.StepExecution;
import io.recruitflow.dispatch.StepState;
import io.recruitflow.dispatch.WorkflowRun;
import io.recruitflow.inbox.SmsMessage;
import io.recruitflow.support.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Trigger → SMS through the whole app on the sandbox gateway: intake, matching, the engine, the
 * inbox record and credits. The demo's "Graduate registration follow-up" sends Jane's "Thanks for
 * registering" when "Register interest" is completed inside "Graduate Program 2027".
 */
class TriggerToSmsTests extends IntegrationTest {

	static final String RECORD_CTA = """
			mutation($input: CtaCompletionInput!) { recordCtaCompletion(input: $input) {
			  eventId duplicate mobileProblem candidate { id externalId mobile } startedWorkflows { name } } }""";

	@org.springframework.beans.factory.annotation.Autowired
	RunStarter runs;

	@org.springframework.beans.factory.annotation.Autowired
	io.recruitflow.workflow.WorkflowService workflows;

	private HttpGraphQlTester integrator;

	private String registerInterest;

	private String graduates;

	@BeforeEach
	void integrator() {
		String key = graphQlAs("admin@acme.test")
			.document("mutation { createApiKey(input: {name: \"ATS\"}) { secret } }")
			.execute()
			.path("createApiKey.secret")
			.entity(String.class)
			.get();
		this.integrator = graphQlWith(key);
		this.registerInterest = ctaId("Register interest");
		this.graduates = idOf("webCampaigns", "name", "Graduate Program 2027");
	}

	@Test
	void aCtaCompletionSendsTheWorkflowsSmsOnceFromTheChosenSender() {
		this.integrator.document(RECORD_CTA)
			.variable("input", cta("evt-1", "ATS-2001", "0412 000 111", this.graduates))
			.execute()
			.path("recordCtaCompletion.duplicate").entity(Boolean.class).isEqualTo(false)
			.path("recordCtaCompletion.candidate.mobile").entity(String.class).isEqualTo("+61412000111")
			.path("recordCtaCompletion.startedWorkflows[*].name").entityList(String.class)
			.containsExactly("Graduate registration follow-up");

		SmsMessage message = awaitMessages(1).getFirst();
		assertThat(message.from()).isEqualTo("+61480000001");
		assertThat(message.to()).isEqualTo("+61412000111");
		assertThat(message.body()).startsWith("Hi Pat, thanks for registering your interest in Graduate Program 2027!")
			.contains("Jane Doe will be in touch soon")
			.endsWith("Reply STOP to opt out.");
		assertThat(message.sandbox()).isTrue();
		StepExecution step = this.mongo.findAll(StepExecution.class).getFirst();
		assertThat(step.state()).isEqualTo(StepState.SENT);
		assertThat(step.messageId()).isEqualTo(message.id());
		assertThat(credits()).isEqualTo(500 - message.segments());
	}

	@Test
	void aRepeatedEventIdReturnsTheFirstReceiptAndSendsNothingMore() {
		var input = cta("evt-dup", "ATS-2002", "+61412000222", this.graduates);
		this.integrator.document(RECORD_CTA).variable("input", input).execute();
		awaitMessages(1);

		this.integrator.document(RECORD_CTA)
			.variable("input", input)
			.execute()
			.path("recordCtaCompletion.duplicate").entity(Boolean.class).isEqualTo(true)
			.path("recordCtaCompletion.startedWorkflows[*].name").entityList(String.class)
			.containsExactly("Graduate registration follow-up");

		quietPeriod();
		assertThat(count("messages")).isEqualTo(1);
		assertThat(count("triggerEvents")).isEqualTo(1);
		assertThat(count("stepExecutions")).isEqualTo(1);
	}

	@Test
	void theCtaCompletedInAnotherCampaignStartsNothing() {
		String internships = idOf("webCampaigns", "name", "Summer Internships 2027");

		this.integrator.document(RECORD_CTA)
			.variable("input", cta("evt-other", "ATS-2003", "+61412000333", internships))
			.execute()
			.path("recordCtaCompletion.startedWorkflows").entityList(Object.class).hasSize(0);

		quietPeriod();
		assertThat(count("stepExecutions")).isZero();
		assertThat(count("messages")).isZero();
		assertThat(count("candidates")).as("the candidate is still recorded").isEqualTo(6);
	}

	@Test
	void criteriaThatDoNotHoldStartNothing() {
		restrictFollowUpTo("emailDomain", "example.org");

		this.integrator.document(RECORD_CTA)
			.variable("input", cta("evt-crit", "ATS-2004", "+61412000444", this.graduates))
			.execute()
			.path("recordCtaCompletion.startedWorkflows").entityList(Object.class).hasSize(0);

		quietPeriod();
		assertThat(count("messages")).isZero();
	}

	@Test
	void theMinimumDelayBetweenRunsForOneCandidateIsHonoured() {
		this.mongo.updateFirst(Query.query(Criteria.where("name").is("Graduate registration follow-up")),
				new Update().set("reentryMinimumMinutes", 60), "workflows");

		this.integrator.document(RECORD_CTA).variable("input", cta("evt-a", "ATS-2005", "+61412000555", this.graduates)).execute();
		this.integrator.document(RECORD_CTA)
			.variable("input", cta("evt-b", "ATS-2005", "+61412000555", this.graduates))
			.execute()
			.path("recordCtaCompletion.startedWorkflows").entityList(Object.class).hasSize(0);
		this.integrator.document(RECORD_CTA)
			.variable("input", cta("evt-c", "ATS-2006", "+61412000556", this.graduates))
			.execute()
			.path("recordCtaCompletion.startedWorkflows").entityList(Object.class).hasSize(1);

		awaitMessages(2);
		quietPeriod();
		assertThat(count("messages")).isEqualTo(2);
	}

	@Test
	void aPausedWorkflowStartsNothingAndItsPendingStepsWaitForResume() {
		var admin = graphQlAs("admin@acme.test");
		String followUp = idOf("workflows", "name", "Graduate registration follow-up");
		this.integrator.document(RECORD_CTA).variable("input", cta("evt-p1", "ATS-2007", "+61412000666", this.graduates)).execute();
		awaitMessages(1);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(followUp)), new Update().set("status", "PAUSED"), "workflows");

		this.integrator.document(RECORD_CTA)
			.variable("input", cta("evt-p2", "ATS-2008", "+61412000667", this.graduates))
			.execute()
			.path("recordCtaCompletion.startedWorkflows").entityList(Object.class).hasSize(0);
		quietPeriod();
		assertThat(count("messages")).isEqualTo(1);

		// A step enqueued before the pause is held, not sent, and goes out once on resume.
		insertPendingStepOfANewRun(followUp);
		await().atMost(Duration.ofSeconds(10)).until(() -> stepStates().contains(StepState.HELD));
		assertThat(count("messages")).isEqualTo(1);

		admin.document("mutation($id: ID!) { resumeWorkflow(id: $id) { status } }").variable("id", followUp).execute();

		awaitMessages(2);
		quietPeriod();
		assertThat(count("messages")).isEqualTo(2);
		assertThat(stepStates()).containsOnly(StepState.SENT);
	}

	@Test
	void insufficientCreditsSkipsTheStepWithoutCallingTheProviderOrChangingTheBalance() {
		this.mongo.updateFirst(Query.query(Criteria.where("name").is("Acme Talent")), new Update().set("credits", 0), "accounts");

		this.integrator.document(RECORD_CTA).variable("input", cta("evt-cr", "ATS-2009", "+61412000777", this.graduates)).execute();

		await().atMost(Duration.ofSeconds(10)).until(() -> stepStates().contains(StepState.SKIPPED));
		StepExecution step = this.mongo.findAll(StepExecution.class).getFirst();
		assertThat(step.reason()).isEqualTo("insufficient SMS credits");
		assertThat(count("messages")).isZero();
		assertThat(count("creditLedger")).isZero();
		assertThat(credits()).isZero();
	}

	@Test
	void anUnreadableMobileRecordsTheCandidateAndSkipsTheStepWithThatReason() {
		this.integrator.document(RECORD_CTA)
			.variable("input", cta("evt-mob", "ATS-2010", "+61 4", this.graduates))
			.execute()
			.path("recordCtaCompletion.mobileProblem").entity(String.class)
			.isEqualTo("mobile '+61 4' is not a valid phone number")
			.path("recordCtaCompletion.candidate.mobile").valueIsNull();

		await().atMost(Duration.ofSeconds(10)).until(() -> stepStates().contains(StepState.SKIPPED));
		assertThat(this.mongo.findAll(StepExecution.class).getFirst().reason())
			.isEqualTo("no valid mobile: mobile '+61 4' is not a valid phone number");
		assertThat(count("messages")).isZero();
		assertThat(credits()).isEqualTo(500);
	}

	@Test
	void anOptedOutCandidateIsSkippedWithThatReason() {
		this.mongo.updateFirst(Query.query(Criteria.where("externalId").is("ATS-1001")),
				new Update().set("smsOptOut", new Document("at", Instant.parse("2026-11-01T00:00:00Z")).append("keyword", "STOP")),
				"candidates");

		this.integrator.document(RECORD_CTA).variable("input", cta("evt-opt", "ATS-1001", null, this.graduates)).execute();

		await().atMost(Duration.ofSeconds(10)).until(() -> stepStates().contains(StepState.SKIPPED));
		assertThat(this.mongo.findAll(StepExecution.class).getFirst().reason())
			.isEqualTo("opted out of SMS (texted STOP on 1 Nov 2026)");
		assertThat(count("messages")).isZero();
	}

	@Test
	void aWaitStepDelaysTheNextStep() {
		String followUp = idOf("workflows", "name", "Graduate registration follow-up");
		var admin = graphQlAs("admin@acme.test");
		String stepId = this.mongo.findById(followUp, Document.class, "workflows").getList("steps", Document.class)
			.getFirst().get("_id").toString();
		admin.document("mutation($id: ID!) { addWorkflowStep(workflowId: $id, position: 0, input: {kind: WAIT, waitMinutes: 30}) { id } }")
			.variable("id", followUp)
			.execute();
		Instant before = Instant.now();

		this.integrator.document(RECORD_CTA).variable("input", cta("evt-wait", "ATS-2011", "+61412000888", this.graduates)).execute();

		quietPeriod();
		List<StepExecution> steps = this.mongo.findAll(StepExecution.class);
		assertThat(steps).singleElement().satisfies(wait -> {
			assertThat(wait.state()).isEqualTo(StepState.PENDING);
			assertThat(wait.dueAt()).isAfter(before.plus(Duration.ofMinutes(29)));
		});
		assertThat(count("messages")).isZero();

		// Thirty minutes later (moved by hand rather than slept through):
		Query waiting = Query.query(Criteria.where("_id").is(steps.getFirst().id()));
		this.mongo.updateFirst(waiting, new Update().set("dueAt", Instant.now().minusSeconds(1)), StepExecution.class);

		awaitMessages(1);
		assertThat(this.mongo.findAll(StepExecution.class)).extracting(StepExecution::stepId).contains(stepId);
	}

	@Test
	void anAtsStatusChangeStartsTheWorkflowForThatChange() {
		String invitation = idOf("workflows", "name", "Interview invitation");
		graphQlAs("admin@acme.test").document("mutation($id: ID!) { resumeWorkflow(id: $id) { status } }")
			.variable("id", invitation)
			.execute();

		this.integrator.document("""
				mutation($input: AtsStatusChangeInput!) { recordAtsStatusChange(input: $input) {
				  startedWorkflows { name } candidate { atsStatus } } }""")
			.variable("input", Map.of("eventId", "ats-1", "toStatus", "Interview", "candidate", Map.of("externalId", "ATS-1002")))
			.execute()
			.path("recordAtsStatusChange.startedWorkflows[*].name").entityList(String.class).containsExactly("Interview invitation")
			.path("recordAtsStatusChange.candidate.atsStatus").entity(String.class).isEqualTo("Interview");

		SmsMessage message = awaitMessages(1).getFirst();
		assertThat(message.from()).as("Sam has no number: the company number").isEqualTo("+61480000000");
		assertThat(message.body()).startsWith("Hi Liam, great news");
	}

	@Test
	void aBatchRecordsEachItemWithItsOwnResult() {
		this.integrator.document("""
				mutation($inputs: [CtaCompletionInput!]!) { recordCtaCompletions(inputs: $inputs) {
				  eventId error errorClassification receipt { duplicate startedWorkflows { name } } } }""")
			.variable("inputs", List.of(cta("b-1", "ATS-3001", "+61412001001", this.graduates),
					Map.of("eventId", "b-2", "ctaId", "no-such-cta", "candidate", Map.of("externalId", "ATS-3002")),
					cta("b-3", "ATS-3003", "+61412001003", this.graduates)))
			.execute()
			.path("recordCtaCompletions[0].receipt.startedWorkflows").entityList(Object.class).hasSize(1)
			.path("recordCtaCompletions[1].eventId").entity(String.class).isEqualTo("b-2")
			.path("recordCtaCompletions[1].errorClassification").entity(String.class).isEqualTo("BAD_REQUEST")
			.path("recordCtaCompletions[1].error").entity(String.class).satisfies(error -> assertThat(error).contains("no-such-cta"))
			.path("recordCtaCompletions[2].receipt.duplicate").entity(Boolean.class).isEqualTo(false);

		awaitMessages(2);
		assertThat(count("triggerEvents")).isEqualTo(2);
	}

	@Test
	void theHistoryShowsEachRunWithItsSteps() {
		String followUp = idOf("workflows", "name", "Graduate registration follow-up");
		this.integrator.document(RECORD_CTA).variable("input", cta("evt-h", "ATS-2012", "+61412000999", this.graduates)).execute();
		awaitMessages(1);

		graphQlAs("jane@acme.test").document("""
				query($id: ID!) { workflowRuns(workflowId: $id) { edges { node {
				  eventId state candidate { externalId }
				  steps { kind position state reason retryable message { body status sandbox } } } } } }""")
			.variable("id", followUp)
			.execute()
			.path("workflowRuns.edges[0].node.eventId").entity(String.class).isEqualTo("evt-h")
			.path("workflowRuns.edges[0].node.state").entity(String.class).isEqualTo("SENT")
			.path("workflowRuns.edges[0].node.candidate.externalId").entity(String.class).isEqualTo("ATS-2012")
			.path("workflowRuns.edges[0].node.steps[0].kind").entity(String.class).isEqualTo("CHAT_MESSAGE")
			.path("workflowRuns.edges[0].node.steps[0].message.sandbox").entity(Boolean.class).isEqualTo(true)
			.path("workflowRuns.edges[0].node.steps[0].retryable").entity(Boolean.class).isEqualTo(false);
		graphQlAs("admin@globex.test").document("query($id: ID!) { workflowRuns(workflowId: $id) { edges { cursor } } }")
			.variable("id", followUp)
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("Workflow '" + followUp + "' was not found."));
	}

	@Test
	void theCandidateShowsTheMessageInItsSmsTab() {
		this.integrator.document(RECORD_CTA).variable("input", cta("evt-c1", "ATS-2013", "+61412001013", this.graduates)).execute();
		awaitMessages(1);
		String candidateId = idOf("candidates", "externalId", "ATS-2013");

		graphQlAs("jane@acme.test").document("""
				query($id: ID!) { candidate(id: $id) { fullName mobile messages { direction body status sender { name } workflowName } } }""")
			.variable("id", candidateId)
			.execute()
			.path("candidate.fullName").entity(String.class).isEqualTo("Pat Example")
			.path("candidate.messages[0].direction").entity(String.class).isEqualTo("OUTBOUND")
			.path("candidate.messages[0].sender.name").entity(String.class).isEqualTo("Jane Doe")
			.path("candidate.messages[0].workflowName").entity(String.class).isEqualTo("Graduate registration follow-up");
		graphQlAs("admin@globex.test").document("query($id: ID!) { candidate(id: $id) { id } }")
			.variable("id", candidateId)
			.execute()
			.path("candidate").valueIsNull();
	}

	private void restrictFollowUpTo(String field, String value) {
		this.mongo.updateFirst(Query.query(Criteria.where("name").is("Graduate registration follow-up")),
				new Update().set("criteria", List.of(new Document("field", field).append("operator", "EQUALS")
					.append("values", List.of(value)))),
				"workflows");
	}

	private void insertPendingStepOfANewRun(String workflowId) {
		Document workflow = this.mongo.findById(workflowId, Document.class, "workflows");
		String accountId = workflow.getString("accountId");
		String candidateId = idOf("candidates", "externalId", "ATS-1003");
		this.runs.start(new RunStarter.RunRequest(accountId, this.workflows.workflowForRun(accountId, workflowId).orElseThrow(),
				candidateId, "Ava Williams", new org.bson.types.ObjectId().toHexString(), "evt-manual",
				new io.recruitflow.dispatch.RunContext("Graduate Program 2027", "Register interest", null)));
	}

	private List<StepState> stepStates() {
		return this.mongo.findAll(StepExecution.class).stream().map(StepExecution::state).toList();
	}

	private List<SmsMessage> awaitMessages(int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> count("messages") >= count);
		return this.mongo.findAll(SmsMessage.class);
	}

	private long credits() {
		return this.mongo.findOne(Query.query(Criteria.where("name").is("Acme Talent")), Document.class, "accounts")
			.get("credits", Number.class)
			.longValue();
	}

	/** Long enough for a wrongly started step to have been sent (workers poll every 100 ms in tests). */
	private static void quietPeriod() {
		try {
			Thread.sleep(700);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Map<String, Object> cta(String eventId, String externalId, String mobile, String campaignId) {
		Map<String, Object> candidate = new java.util.HashMap<>(Map.of("externalId", externalId, "firstName", "Pat",
				"lastName", "Example", "email", "pat@example.com"));
		if (mobile != null) {
			candidate.put("mobile", mobile);
		}
		Map<String, Object> input = new java.util.HashMap<>(Map.of("eventId", eventId, "candidate", candidate));
		input.put("ctaId", this.registerInterest);
		input.put("webCampaignId", campaignId);
		return input;
	}

}
