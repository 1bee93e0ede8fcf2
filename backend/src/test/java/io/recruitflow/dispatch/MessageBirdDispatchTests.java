package io.recruitflow.dispatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.recruitflow.RecruitFlowApplication;
import io.recruitflow.account.Account;
import io.recruitflow.account.CreditService;
import io.recruitflow.candidate.Candidate;
import io.recruitflow.inbox.InboxService;
import io.recruitflow.inbox.OutboundMessage;
import io.recruitflow.inbox.SmsMessage;
import io.recruitflow.support.FakeMessageBird;
import io.recruitflow.support.FakeMessageBird.Answer;
import io.recruitflow.support.IntegrationTest;
import io.recruitflow.support.MessageBirdSignatures;
import io.recruitflow.support.TestMongo;
import io.recruitflow.workflow.WorkflowStepKind;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine with the real MessageBird SDK against a local fake of its API: retries, refusals,
 * timeouts, crash recovery and delivery reports — each proven by what the fake received.
 */
@TestPropertySource(properties = { "recruitflow.sms.access-key=test_key", "recruitflow.sms.read-timeout=500ms",
		"recruitflow.sms.signing-key=" + MessageBirdDispatchTests.SIGNING_KEY,
		"recruitflow.public-base-url=https://recruitflow.example", "recruitflow.dispatch.max-attempts=3",
		"recruitflow.dispatch.max-reconcile-attempts=2" })
class MessageBirdDispatchTests extends IntegrationTest {

	static final String SIGNING_KEY = "test-signing-key-of-at-least-32-bytes!";

	static final FakeMessageBird messageBird = new FakeMessageBird();

	@DynamicPropertySource
	static void messageBird(DynamicPropertyRegistry registry) {
		registry.add("recruitflow.sms.base-url", messageBird::baseUrl);
	}

	@AfterAll
	static void stopFake() {
		messageBird.reset();
	}

	@Autowired
	CreditService credits;

	@Autowired
	InboxService inbox;

	@Autowired
	StepQueue queue;

	@Autowired
	RunStarter runs;

	@Autowired
	OwedRefunds refunds;

	private HttpGraphQlTester integrator;

	@BeforeEach
	void setUp() {
		messageBird.reset();
		messageBird.hangFor(1500);
		String key = graphQlAs("admin@acme.test")
			.document("mutation { createApiKey(input: {name: \"ATS\"}) { secret } }")
			.execute()
			.path("createApiKey.secret")
			.entity(String.class)
			.get();
		this.integrator = graphQlWith(key);
	}

	@Test
	void startingARunAgainAfterACrashLeavesItsFinishedStateAndSendsNothingMore() {
		trigger("mb-again", "ATS-5090", "+61412005090");
		StepExecution sent = awaitStep(StepState.SENT);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.mongo.findById(sent.runId(), WorkflowRun.class).state() == StepState.SENT);
		WorkflowRun run = this.mongo.findById(sent.runId(), WorkflowRun.class);

		// What the recovery of an event interrupted before it was marked processed does.
		this.runs.start(new RunStarter.RunRequest(run.accountId(),
				this.mongo.findById(run.workflowId(), io.recruitflow.workflow.Workflow.class), run.candidateId(),
				run.candidateName(), run.triggerEventId(), run.eventId(), sent.context()));

		assertThat(this.mongo.findById(run.id(), WorkflowRun.class).state()).isEqualTo(StepState.SENT);
		assertThat(this.mongo.findAll(StepExecution.class)).hasSize(1);
		assertThat(messageBird.accepted()).hasSize(1);
	}

	@Test
	void theSmsReachesMessageBirdWithReferenceReportUrlAndAutoDatacoding() {
		trigger("mb-1", "ATS-5001", "+61412005001");

		StepExecution step = awaitStep(StepState.SENT);
		FakeMessageBird.Sent sent = messageBird.accepted().getFirst();
		assertThat(sent.reference()).isEqualTo(step.id());
		assertThat(sent.originator()).isEqualTo("+61480000001");
		assertThat(sent.recipient()).isEqualTo("+61412005001");
		assertThat(sent.datacoding()).isEqualTo("auto");
		assertThat(sent.reportUrl()).isEqualTo("https://recruitflow.example/webhooks/messagebird/status");
		assertThat(step.providerMessageId()).isEqualTo(sent.id());
		assertThat(this.mongo.findAll(SmsMessage.class)).singleElement()
			.satisfies(message -> assertThat(message.sandbox()).isFalse());
	}

	@Test
	void aProviderErrorThenSuccessSendsOneSms() {
		messageBird.script(Answer.FAIL_500);

		trigger("mb-2", "ATS-5002", "+61412005002");

		StepExecution step = awaitStep(StepState.SENT);
		assertThat(step.attempts()).isEqualTo(2);
		assertThat(messageBird.accepted()).hasSize(1);
		assertThat(count("messages")).isEqualTo(1);
		assertThat(acmeCredits()).as("paid once").isEqualTo(499);
	}

	@Test
	void aRefusalFailsAtOnceWithTheProvidersReasonAndRefunds() {
		messageBird.script(Answer.REFUSE_NO_BALANCE);

		trigger("mb-3", "ATS-5003", "+61412005003");

		StepExecution step = awaitStep(StepState.FAILED);
		assertThat(step.reason()).startsWith("the MessageBird account has no balance left");
		assertThat(step.lastError()).contains("Not enough balance");
		assertThat(messageBird.posts()).isEqualTo(1);
		assertThat(count("messages")).isZero();
		awaitRefund();
		assertThat(count("creditLedger")).as("the debit and its refund").isEqualTo(2);
	}

	@Test
	void aTimeoutIsRetriedWithoutSendingTwice() {
		messageBird.script(Answer.ACCEPT_THEN_HANG);

		trigger("mb-4", "ATS-5004", "+61412005004");

		StepExecution step = awaitStep(StepState.SENT);
		assertThat(step.attempts()).isEqualTo(2);
		assertThat(messageBird.posts()).as("the retry found the first send instead of sending again").isEqualTo(1);
		assertThat(count("messages")).isEqualTo(1);
	}

	@Test
	void afterTheLastAttemptTheStepIsDeadAndRefunded() {
		messageBird.script(Answer.FAIL_500, Answer.FAIL_500, Answer.FAIL_500);

		trigger("mb-5", "ATS-5005", "+61412005005");

		StepExecution step = awaitStep(StepState.DEAD);
		assertThat(step.reason()).startsWith("gave up after 3 attempts");
		assertThat(messageBird.accepted()).isEmpty();
		awaitRefund();
	}

	@Test
	void aRefundAStopInterruptedIsMadeOnceLater() {
		StepExecution crashed = deadOwingItsRefund();
		assertThat(acmeCredits()).isEqualTo(499);

		this.refunds.sweep();
		this.refunds.sweep();

		assertThat(acmeCredits()).isEqualTo(500);
		assertThat(count("creditLedger")).as("the debit and one refund").isEqualTo(2);
		assertThat(this.mongo.getCollection("stepExecutions").find(new Document("_id", new ObjectId(crashed.id()))).first())
			.doesNotContainKey(OwedRefunds.REFUND_DUE);
	}

	@Test
	void retryingAStepThatStillOwesARefundMakesTheRefundFirst() {
		messageBird.script(Answer.REFUSE_NO_BALANCE);
		StepExecution crashed = deadOwingItsRefund();

		graphQlAs("jane@acme.test").document("mutation($id: ID!) { retryStep(id: $id) { state } }")
			.variable("id", crashed.id())
			.execute()
			.path("retryStep.state").entity(String.class).isEqualTo("PENDING");

		// The retry is paid and refused, and refunds itself; the first attempt's refund is not lost.
		StepExecution step = awaitStep(StepState.FAILED);
		assertThat(step.generation()).isEqualTo(1);
		awaitRefund();
		assertThat(count("creditLedger")).as("two debits, two refunds").isEqualTo(4);
	}

	@Test
	void aStepPaidBeforeAStopAndSkippedWhenRerunIsRefunded() {
		StepExecution paid = claimedByAStoppedInstance();
		this.credits.debit(paid.accountId(), 1, paid.debitKey(), "SMS to Olivia Nguyen", paid.id());
		optOut(paid.candidateId());

		this.queue.enqueue(paid);

		StepExecution step = awaitStep(StepState.SKIPPED);
		assertThat(step.reason()).startsWith("opted out of SMS");
		awaitRefund();
		assertThat(messageBird.posts()).isZero();
		assertThat(count("creditLedger")).as("the debit and its refund").isEqualTo(2);
	}

	@Test
	void aStepWhoseDebitWasInterruptedBeforeItsLedgerEntryAndSkippedWhenRerunIsRefunded() {
		StepExecution paid = claimedByAStoppedInstance();
		// The stopped instance updated the balance and stopped before writing the ledger entry.
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(paid.accountId())), new Update().inc("credits", -1)
			.set("pendingCredits." + paid.debitKey(), new Document("delta", -1L).append("at", new java.util.Date())
				.append("reason", "SMS to Olivia Nguyen")
				.append("reference", paid.id())
				.append("voidIfAbandoned", false)),
				Account.class);
		optOut(paid.candidateId());

		this.queue.enqueue(paid);

		awaitStep(StepState.SKIPPED);
		awaitRefund();
		assertThat(messageBird.posts()).isZero();
		assertThat(count("creditLedger")).as("the settled debit and its refund").isEqualTo(2);
		assertThat(this.mongo.findById(paid.accountId(), Document.class, "accounts").get("pendingCredits", Document.class))
			.isEmpty();
	}

	/** A Chat Message step claimed by an instance that stopped before SENDING. */
	private StepExecution claimedByAStoppedInstance() {
		Document workflow = this.mongo.getCollection("workflows").find(new Document("name", "Graduate registration follow-up")).first();
		Candidate olivia = this.mongo.findOne(Query.query(Criteria.where("externalId").is("ATS-1001")), Candidate.class);
		String eventId = new ObjectId().toHexString();
		Instant now = Instant.now();
		String workflowId = workflow.get("_id").toString();
		this.mongo.insert(new WorkflowRun(eventId + ":" + workflowId, workflow.getString("accountId"), workflowId,
				olivia.id(), "Olivia Nguyen", eventId, "evt-paid", now, StepState.PENDING, now));
		return new StepExecution(new ObjectId().toHexString(), workflow.getString("accountId"), workflowId,
				eventId + ":" + workflowId, workflow.getList("steps", Document.class).getFirst().get("_id").toString(),
				WorkflowStepKind.CHAT_MESSAGE, 1, olivia.id(), eventId, null, StepState.CLAIMED, now.minusSeconds(20), 0, 0,
				now.minusSeconds(1), "dead-instance#0", null, null, null, null, 0, null, null, now.minusSeconds(20),
				now.minusSeconds(10));
	}

	/** Meanwhile the candidate texted STOP. */
	private void optOut(String candidateId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(candidateId)),
				Update.update("smsOptOut", new Document("keyword", "STOP").append("at", new java.util.Date())), Candidate.class);
	}

	/** A paid step whose worker gave up and stopped before refunding: the final state and what it owes. */
	private StepExecution deadOwingItsRefund() {
		StepExecution crashed = crashedWhileSending("+61412345678", Instant.now().plusSeconds(3600), step -> {
		});
		Update gaveUp = new Update().set("state", StepState.DEAD).set("owner", null).set("leaseUntil", null)
			.set("updatedAt", Instant.now().minusSeconds(60));
		OwedRefunds.owe(gaveUp, new OwedRefunds.Owed(crashed.id(), crashed.accountId(), crashed.refundKey(), 1));
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(crashed.id())), gaveUp, StepExecution.class);
		return crashed;
	}

	@Test
	void aFailedStepCanBeRetriedFromTheHistory() {
		messageBird.script(Answer.REFUSE_NO_BALANCE);
		trigger("mb-6", "ATS-5006", "+61412005006");
		StepExecution failed = awaitStep(StepState.FAILED);

		graphQlAs("jane@acme.test").document("mutation($id: ID!) { retryStep(id: $id) { state } }")
			.variable("id", failed.id())
			.execute()
			.path("retryStep.state").entity(String.class).isEqualTo("PENDING");

		awaitStep(StepState.SENT);
		assertThat(messageBird.accepted()).hasSize(1);
		assertThat(acmeCredits()).isEqualTo(499);
	}

	@Test
	void crashAfterTheProviderAcceptedIsCompletedWithoutResending() {
		crashedWhileSending("+61412345678",
				crashed -> messageBird.preAccept(crashed.id(), "+61480000001", "+61412345678", "Hi Olivia"));

		StepExecution step = awaitStep(StepState.SENT);

		assertThat(messageBird.posts()).isZero();
		assertThat(step.providerMessageId()).isEqualTo("mb-1");
		assertThat(count("messages")).isEqualTo(1);
	}

	@Test
	void crashBeforeTheProviderGotItSendsExactlyOnce() {
		crashedWhileSending("+61412345678");

		awaitStep(StepState.SENT);

		assertThat(messageBird.posts()).isEqualTo(1);
		assertThat(count("messages")).isEqualTo(1);
		assertThat(acmeCredits()).as("the attempt was paid before the crash, once").isEqualTo(499);
	}

	@Test
	void aStepLeftSendingIsNotTakenOverBeforeItsLeaseEnds() {
		Instant leaseEnds = Instant.now().plusSeconds(2);
		crashedWhileSending("+61412345678", leaseEnds, step -> {
		});

		StepExecution step = awaitStep(StepState.SENT);

		assertThat(step.updatedAt()).as("taken over only once its lease had run out").isAfter(leaseEnds);
		assertThat(messageBird.posts()).isEqualTo(1);
		assertThat(count("messages")).isEqualTo(1);
	}

	@Test
	void aStepADeadWorkerLeftIsTakenOverWhileDueWorkKeepsComing() {
		StepExecution abandoned = crashedWhileSending("+61412345678", Instant.now().plusMillis(300),
				crashed -> messageBird.preAccept(crashed.id(), "+61480000001", "+61412345678", "Hi Olivia"));
		Document workflow = this.mongo.getCollection("workflows").find(new Document("name", "Graduate registration follow-up")).first();
		String stepId = workflow.getList("steps", Document.class).getFirst().get("_id").toString();
		Instant now = Instant.now();
		List<StepExecution> backlog = new java.util.ArrayList<>();
		for (int i = 0; i < 400; i++) {
			backlog.add(new StepExecution(new ObjectId().toHexString(), abandoned.accountId(), abandoned.workflowId(),
					"backlog-run-" + i, stepId, WorkflowStepKind.CHAT_MESSAGE, 1, abandoned.candidateId(), "backlog-" + i, null,
					StepState.PENDING, now, 0, 0, null, null, null, null, null, null, 0, null, null, now, now));
		}
		this.mongo.insertAll(backlog);

		awaitStepSent(abandoned.id());

		long backlogSent = this.mongo.count(Query.query(Criteria.where("state").is(StepState.SENT)
			.and("triggerEventId").regex("^backlog-")), StepExecution.class);
		assertThat(backlogSent).as("taken over while due work was still waiting").isLessThan(400);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.mongo.count(Query.query(Criteria.where("state")
			.is(StepState.SENT)), StepExecution.class) == 401);
		assertThat(messageBird.posts()).as("the abandoned step was found at MessageBird, not resent").isEqualTo(400);
	}

	@Test
	void crashAfterRecordingButBeforeMarkingSentOnlyMarksIt() {
		// Recorded before the step is queued: a worker may take the step up the moment it is.
		crashedWhileSending("+61412345678", crashed -> this.inbox.recordOutbound(new OutboundMessage(crashed.accountId(),
				crashed.candidateId(), "+61480000001", "+61412345678", "Hi Olivia", "GSM_7", 1,
				crashed.sms().senderUserId(), crashed.workflowId(), crashed.id(), "mb-earlier", false)));

		awaitStep(StepState.SENT);

		assertThat(messageBird.posts()).isZero();
		assertThat(count("messages")).isEqualTo(1);
	}

	@Test
	void whenTheProviderCannotTellTheStepIsHeldUnconfirmedForARecruiter() {
		messageBird.lookupsFail(true);
		StepExecution crashed = crashedWhileSending("+61412345678");

		StepExecution step = awaitStep(StepState.UNCONFIRMED);
		assertThat(step.reason()).contains("could not confirm whether the SMS went out");
		assertThat(messageBird.posts()).isZero();

		graphQlAs("jane@acme.test").document("mutation($id: ID!) { resolveUnconfirmedStep(id: $id, sent: true) { state } }")
			.variable("id", crashed.id())
			.execute();

		awaitStep(StepState.SENT);
		assertThat(messageBird.posts()).as("marked sent by the recruiter: never resent").isZero();
		assertThat(count("messages")).isEqualTo(1);
	}

	@Test
	void aSignedDeliveryReportMarksTheMessageDelivered() {
		trigger("mb-7", "ATS-5007", "+61412005007");
		awaitStep(StepState.SENT);
		String providerId = messageBird.accepted().getFirst().id();
		String body = "id=" + providerId + "&reference=x&recipient=61412005007&status=delivered&statusDatetime=2026-11-28T05%3A00%3A00%2B00%3A00";

		assertThat(postReport(body, MessageBirdSignatures.sign(SIGNING_KEY,
				"https://recruitflow.example/webhooks/messagebird/status", body))).isEqualTo(200);

		SmsMessage message = this.mongo.findAll(SmsMessage.class).getFirst();
		assertThat(message.status()).isEqualTo(SmsMessage.MessageStatus.DELIVERED);
		assertThat(message.statusAt()).isEqualTo(Instant.parse("2026-11-28T05:00:00Z"));
	}

	@Test
	void aFailedDeliveryReportCarriesTheProvidersReason() {
		trigger("mb-8", "ATS-5008", "+61412005008");
		awaitStep(StepState.SENT);
		String providerId = messageBird.accepted().getFirst().id();
		String query = "id=" + providerId + "&status=delivery_failed&statusReason=unknown_subscriber&statusErrorCode=1";
		String url = "https://recruitflow.example/webhooks/messagebird/status?" + query;

		int status = http().get()
			.uri("/webhooks/messagebird/status?" + query)
			.header("MessageBird-Signature-JWT", MessageBirdSignatures.sign(SIGNING_KEY, url, ""))
			.exchange((request, response) -> response.getStatusCode().value());

		assertThat(status).isEqualTo(200);
		SmsMessage message = this.mongo.findAll(SmsMessage.class).getFirst();
		assertThat(message.status()).isEqualTo(SmsMessage.MessageStatus.FAILED);
		assertThat(message.statusReason()).isEqualTo("not delivered: unknown subscriber (error 1)");
	}

	@Test
	void unsignedOrForgedReportsChangeNothing() {
		trigger("mb-9", "ATS-5009", "+61412005009");
		awaitStep(StepState.SENT);
		String providerId = messageBird.accepted().getFirst().id();
		String body = "id=" + providerId + "&status=delivered";
		String url = "https://recruitflow.example/webhooks/messagebird/status";

		assertThat(postReport(body, null)).isEqualTo(401);
		assertThat(postReport(body, MessageBirdSignatures.sign("some-other-key-of-32-bytes-or-more!!", url, body))).isEqualTo(401);
		assertThat(postReport(body, MessageBirdSignatures.sign(SIGNING_KEY, url, "id=other&status=delivered"))).isEqualTo(401);
		assertThat(postReport(body, MessageBirdSignatures.sign(SIGNING_KEY, "https://evil.example/hook", body))).isEqualTo(401);
		assertThat(postReport(body, MessageBirdSignatures.sign(SIGNING_KEY, url, body, Instant.now().minusSeconds(3600), "old")))
			.as("expired").isEqualTo(401);

		assertThat(this.mongo.findAll(SmsMessage.class).getFirst().status()).isEqualTo(SmsMessage.MessageStatus.SENT);
	}

	@Test
	void aReportForAnUnknownMessageIsAcknowledgedAndIgnored() {
		String body = "id=no-such-message&status=delivered";

		assertThat(postReport(body, MessageBirdSignatures.sign(SIGNING_KEY,
				"https://recruitflow.example/webhooks/messagebird/status", body))).isEqualTo(200);
		assertThat(count("messages")).isZero();
	}

	@Test
	void twoInstancesOnOneDatabaseSendEveryStepExactlyOnce() throws Exception {
		Path dataDir = Files.createTempDirectory("recruitflow-second-instance");
		// Command-line arguments: they outrank application.yml (builder properties would not).
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(RecruitFlowApplication.class).run(
				"--MONGODB_URI=" + TestMongo.uri(), "--server.port=0", "--recruitflow.data-dir=" + dataDir,
				"--recruitflow.demo-data=false", "--recruitflow.jwt-secret=" + jwtSecret(),
				"--recruitflow.sms.access-key=test_key", "--recruitflow.sms.base-url=" + messageBird.baseUrl(),
				"--recruitflow.dispatch.poll-interval=100ms", "--recruitflow.dispatch.lease=5s")) {
			String secondUrl = "http://localhost:" + second.getEnvironment().getProperty("local.server.port");
			HttpGraphQlTester viaSecond = this.integrator.mutate()
				.webTestClient(client -> client.baseUrl(secondUrl + "/graphql"))
				.build();
			int events = 30;
			for (int i = 0; i < events; i++) {
				trigger(i % 2 == 0 ? this.integrator : viaSecond, "two-" + i, "ATS-6" + String.format("%03d", i),
						"+614120060" + String.format("%02d", i));
			}

			await().atMost(Duration.ofSeconds(30)).until(() -> this.mongo.findAll(StepExecution.class)
				.stream()
				.filter(step -> step.state() == StepState.SENT)
				.count() == events);

			assertThat(messageBird.posts()).isEqualTo(events);
			assertThat(messageBird.accepted().stream().map(FakeMessageBird.Sent::reference).distinct()).hasSize(events);
			assertThat(count("messages")).isEqualTo(events);
			assertThat(this.mongo.findAll(StepExecution.class)
				.stream()
				.map(step -> step.owner().substring(0, step.owner().indexOf('#')))
				.distinct()).as("both instances did some of the work").hasSize(2);
		}
	}

	/** The second instance must accept the same tokens; tests otherwise use a generated key. */
	private String jwtSecret() throws java.io.IOException {
		return Files.readString(dataDir().resolve("jwt-signing.key")).trim();
	}

	private int postReport(String body, String signature) {
		return http().post()
			.uri("/webhooks/messagebird/status")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.headers(headers -> {
				if (signature != null) {
					headers.set("MessageBird-Signature-JWT", signature);
				}
			})
			.body(body)
			.exchange((request, response) -> response.getStatusCode().value());
	}

	/**
	 * A Chat Message step as a killed instance left it: SENDING, paid, its lease run out. Whether
	 * the provider got it is what each test decides.
	 */
	private StepExecution crashedWhileSending(String mobile) {
		return crashedWhileSending(mobile, step -> {
		});
	}

	private StepExecution crashedWhileSending(String mobile, java.util.function.Consumer<StepExecution> beforeQueued) {
		return crashedWhileSending(mobile, Instant.now().minusSeconds(1), beforeQueued);
	}

	private StepExecution crashedWhileSending(String mobile, Instant leaseUntil,
			java.util.function.Consumer<StepExecution> beforeQueued) {
		Document workflow = this.mongo.getCollection("workflows").find(new Document("name", "Graduate registration follow-up")).first();
		String workflowId = workflow.get("_id").toString();
		String accountId = workflow.getString("accountId");
		Candidate olivia = this.mongo.findOne(Query.query(Criteria.where("externalId").is("ATS-1001")), Candidate.class);
		String stepId = workflow.getList("steps", Document.class).getFirst().get("_id").toString();
		String janeId = idOf("users", "email", "jane@acme.test");
		String eventId = new ObjectId().toHexString();
		String runId = eventId + ":" + workflowId;
		Instant now = Instant.now();
		this.mongo.insert(new WorkflowRun(runId, accountId, workflowId, olivia.id(), "Olivia Nguyen", eventId, "evt-crash",
				now, StepState.SENDING, now));
		StepExecution step = new StepExecution(new ObjectId().toHexString(), accountId, workflowId, runId,
				stepId, WorkflowStepKind.CHAT_MESSAGE, 1, olivia.id(), eventId, new RunContext("Graduate Program 2027", null, null),
				StepState.SENDING, now.minusSeconds(20), 1, 0, leaseUntil, "dead-instance#0", null, null,
				new StepExecution.PreparedSms("+61480000001", mobile, "Hi Olivia", "GSM_7", 1, 1, janeId),
				now.minusSeconds(10), 0, null, null, now.minusSeconds(20), now.minusSeconds(10));
		this.credits.debit(accountId, 1, step.debitKey(), "SMS to Olivia Nguyen", step.id());
		beforeQueued.accept(step);
		this.queue.enqueue(step);
		return step;
	}

	private void trigger(String eventId, String externalId, String mobile) {
		trigger(this.integrator, eventId, externalId, mobile);
	}

	private void trigger(HttpGraphQlTester via, String eventId, String externalId, String mobile) {
		Map<String, Object> input = new HashMap<>();
		input.put("eventId", eventId);
		input.put("ctaId", ctaId("Register interest"));
		input.put("webCampaignId", idOf("webCampaigns", "name", "Graduate Program 2027"));
		input.put("candidate", Map.of("externalId", externalId, "firstName", "Pat", "mobile", mobile));
		via.document("mutation($input: CtaCompletionInput!) { recordCtaCompletion(input: $input) { eventId } }")
			.variable("input", input)
			.execute()
			.path("recordCtaCompletion.eventId")
			.entity(String.class)
			.isEqualTo(eventId);
	}

	private void awaitStepSent(String id) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findById(id, StepExecution.class).state() == StepState.SENT);
	}

	private StepExecution awaitStep(StepState state) {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.mongo.findAll(StepExecution.class).stream().anyMatch(step -> step.state() == state));
		List<StepExecution> steps = this.mongo.findAll(StepExecution.class);
		return steps.stream().filter(step -> step.state() == state).findFirst().orElseThrow();
	}

	/** The refund follows the step's final state, so it may land a moment after the state is seen. */
	private void awaitRefund() {
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(acmeCredits()).isEqualTo(500));
	}

	private long acmeCredits() {
		return this.mongo.getCollection("accounts").find(new Document("name", "Acme Talent")).first()
			.get("credits", Number.class).longValue();
	}

}
