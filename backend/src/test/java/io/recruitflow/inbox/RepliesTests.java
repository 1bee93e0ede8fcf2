package io.recruitflow.inbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.recruitflow.RecruitFlowApplication;
import io.recruitflow.candidate.Candidate;
import io.recruitflow.support.FakeMessageBird;
import io.recruitflow.support.GraphQlSocket;
import io.recruitflow.support.IntegrationTest;
import io.recruitflow.support.MessageBirdSignatures;
import io.recruitflow.support.TestMongo;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replies: signed inbound webhooks, routing, opt-out keywords, notifications and the live
 * subscriptions, with MessageBird (faked locally) for the confirmation SMS. The live-events idle
 * poll is an hour here, so every live test also shows that this instance's own events are heard
 * when published, not at the next poll.
 */
@TestPropertySource(properties = { "recruitflow.sms.access-key=test_key",
		"recruitflow.sms.signing-key=" + RepliesTests.SIGNING_KEY, "recruitflow.public-base-url=https://recruitflow.example",
		"recruitflow.live-events.idle-poll=1h" })
class RepliesTests extends IntegrationTest {

	static final String SIGNING_KEY = "replies-signing-key-of-at-least-32-bytes";

	static final String INBOUND_URL = "https://recruitflow.example/webhooks/messagebird/inbound";

	static final FakeMessageBird messageBird = new FakeMessageBird();

	@DynamicPropertySource
	static void messageBird(DynamicPropertyRegistry registry) {
		registry.add("recruitflow.sms.base-url", messageBird::baseUrl);
	}

	private static final String[] INBOX = { "messages", "conversations", "notifications", "candidates", "creditLedger" };

	@Autowired
	private SharedSubscriptions shared;

	@BeforeEach
	void resetFake() {
		messageBird.reset();
	}

	@Test
	void aSignedReplyIsStoredAndReachesTheSubscriberWithinASecond() throws Exception {
		try (GraphQlSocket jane = GraphQlSocket.authenticated(this.port, login("jane@acme.test"))) {
			jane.subscribe("inbox", "subscription { inboxMessageReceived { message { body direction from } conversation { unread assignedUser { email } } } }");
			jane.subscribe("mine", "subscription { notificationReceived { body candidateName } }");
			Thread.sleep(300);

			Instant sent = Instant.now();
			assertThat(postJson(Map.of("id", "in-1", "originator", "61412345678", "recipient", "61480000001", "body",
					"Yes, I'm interested! When can we talk?"))).isEqualTo(200);

			String first = jane.next(Duration.ofSeconds(1));
			String second = jane.next(Duration.ofSeconds(1));
			assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(2));
			assertThat(List.of(first, second)).anySatisfy(event -> assertThat(event).contains("\"id\":\"inbox\"")
				.contains("Yes, I'm interested! When can we talk?")
				.contains("INBOUND")
				.contains("jane@acme.test"));
			assertThat(List.of(first, second)).anySatisfy(event -> assertThat(event).contains("\"id\":\"mine\"")
				.contains("Olivia Nguyen"));
		}
		SmsMessage stored = this.mongo.findAll(SmsMessage.class).getFirst();
		assertThat(stored.direction()).isEqualTo(SmsMessage.Direction.INBOUND);
		assertThat(stored.candidateId()).isEqualTo(idOf("candidates", "externalId", "ATS-1001"));
		Conversation conversation = this.mongo.findAll(Conversation.class).getFirst();
		assertThat(conversation.unread()).isEqualTo(1);
		assertThat(conversation.assignedUserId()).isEqualTo(idOf("users", "email", "jane@acme.test"));
		assertThat(this.mongo.findAll(Notification.class)).singleElement()
			.satisfies(notification -> assertThat(notification.body()).isEqualTo("Yes, I'm interested! When can we talk?"));
	}

	@Test
	void eventsPublishedHereAreHeardAtOnceEvenAfterTheWatcherWentIdle() throws Exception {
		try (GraphQlSocket jane = GraphQlSocket.authenticated(this.port, login("jane@acme.test"))) {
			jane.subscribe("i", "subscription { inboxMessageReceived { message { body } } }");
			Thread.sleep(300);
			for (int reply = 1; reply <= 3; reply++) {
				postJson(Map.of("id", "in-idle-" + reply, "originator", "61412345678", "recipient", "61480000001", "body",
						"Reply number " + reply));

				assertThat(jane.next(Duration.ofSeconds(2))).contains("Reply number " + reply);
				// Past the second after an event in which the watcher keeps polling every few milliseconds.
				Thread.sleep(1200);
			}
		}
	}

	@Test
	void theNotificationReachesOnlyTheAssignedUserAndNoOtherAccount() throws Exception {
		try (GraphQlSocket sam = GraphQlSocket.authenticated(this.port, login("sam@acme.test"));
				GraphQlSocket globex = GraphQlSocket.authenticated(this.port, login("admin@globex.test"))) {
			sam.subscribe("n", "subscription { notificationReceived { body } }");
			globex.subscribe("i", "subscription { inboxMessageReceived { message { body } } }");
			globex.subscribe("n", "subscription { notificationReceived { body } }");
			globex.subscribe("s", "subscription { messageStatusChanged { body } }");
			Thread.sleep(300);

			postJson(Map.of("id", "in-2", "originator", "+61412345678", "recipient", "+61480000001", "body", "For Jane"));

			assertThat(sam.next(Duration.ofMillis(1500))).as("another user's notification").isNull();
			assertThat(globex.next(Duration.ofMillis(500))).as("another account's events").isNull();
		}
		assertThat(count("notifications")).isEqualTo(1);
	}

	@Test
	void formEncodedRepliesAreAcceptedToo() {
		String form = "id=in-3&originator=61412345679&recipient=61480000001&body=Sounds+good%21&createdDatetime=2026-11-28T05%3A00%3A00%2B00%3A00";

		assertThat(post(form, MediaType.APPLICATION_FORM_URLENCODED, MessageBirdSignatures.sign(SIGNING_KEY, INBOUND_URL, form)))
			.isEqualTo(200);

		SmsMessage stored = this.mongo.findAll(SmsMessage.class).getFirst();
		assertThat(stored.body()).isEqualTo("Sounds good!");
		assertThat(stored.createdAt()).isEqualTo(Instant.parse("2026-11-28T05:00:00Z"));
	}

	@Test
	void forgedUnsignedExpiredAndReplayedWebhooksChangeNothing() {
		String body = json(Map.of("id", "in-4", "originator", "61412345678", "recipient", "61480000001", "body", "Hi"));
		var before = snapshot(INBOX);

		assertThat(post(body, MediaType.APPLICATION_JSON, null)).as("unsigned").isEqualTo(401);
		assertThat(post(body, MediaType.APPLICATION_JSON, MessageBirdSignatures.sign("another-key-of-thirty-two-bytes-at-least", INBOUND_URL, body)))
			.as("forged").isEqualTo(401);
		assertThat(post(body, MediaType.APPLICATION_JSON, MessageBirdSignatures.sign(SIGNING_KEY, INBOUND_URL, body,
				Instant.now().minusSeconds(3600), "old"))).as("expired").isEqualTo(401);
		assertThat(post(body, MediaType.APPLICATION_JSON, MessageBirdSignatures.sign(SIGNING_KEY,
				"https://recruitflow.example/webhooks/other", body))).as("signed for another URL").isEqualTo(401);
		assertThat(post(body, MediaType.APPLICATION_JSON, MessageBirdSignatures.sign(SIGNING_KEY, INBOUND_URL, body + " ")))
			.as("signed for another body").isEqualTo(401);
		assertThat(snapshot(INBOX)).isEqualTo(before);

		String signature = MessageBirdSignatures.sign(SIGNING_KEY, INBOUND_URL, body);
		assertThat(post(body, MediaType.APPLICATION_JSON, signature)).isEqualTo(200);
		var afterFirst = snapshot(INBOX);
		assertThat(post(body, MediaType.APPLICATION_JSON, signature)).as("replayed").isEqualTo(200);
		assertThat(snapshot(INBOX)).isEqualTo(afterFirst);
	}

	@Test
	void theSameMessageDeliveredAgainIsStoredAndNotifiedOnce() throws Exception {
		Map<String, String> reply = Map.of("id", "in-5", "originator", "61412345678", "recipient", "61480000001", "body", "Once");
		Map<String, String> fromAStranger = Map.of("id", "in-5b", "originator", "61400000999", "recipient", "61480000001",
				"body", "Who is this?");
		long candidatesBefore = count("candidates");

		try (ExecutorService deliveries = Executors.newFixedThreadPool(10)) {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int delivery = 0; delivery < 5; delivery++) {
				statuses.add(deliveries.submit(() -> postJson(reply)));
				statuses.add(deliveries.submit(() -> postJson(fromAStranger)));
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
		var afterConcurrentDeliveries = snapshot(INBOX);
		postJson(reply);
		postJson(fromAStranger);

		assertThat(snapshot(INBOX)).as("a later redelivery changes nothing").isEqualTo(afterConcurrentDeliveries);
		assertThat(count("messages")).isEqualTo(2);
		assertThat(count("notifications")).isEqualTo(2);
		assertThat(count("candidates")).as("the stranger became one unknown candidate").isEqualTo(candidatesBefore + 1);
		assertThat(this.mongo.findAll(Conversation.class)).extracting(Conversation::unread).containsExactly(1, 1);
	}

	@Test
	void stopOptsOutWithOneConfirmationAndLaterTriggersSkipTheCandidate() {
		postJson(Map.of("id", "in-6", "originator", "61412345678", "recipient", "61480000001", "body", " Stop "));
		postJson(Map.of("id", "in-7", "originator", "61412345678", "recipient", "61480000001", "body", "STOP"));

		Candidate olivia = this.mongo.findOne(Query.query(Criteria.where("externalId").is("ATS-1001")), Candidate.class);
		assertThat(olivia.smsOptOut()).isNotNull();
		assertThat(olivia.smsOptOut().keyword()).isEqualTo("STOP");
		assertThat(messageBird.accepted()).as("one confirmation per change").singleElement().satisfies(confirmation -> {
			assertThat(confirmation.recipient()).isEqualTo("+61412345678");
			assertThat(confirmation.originator()).isEqualTo("+61480000001");
			assertThat(confirmation.body()).contains("no longer receive texts").contains("Reply START");
		});

		String key = graphQlAs("admin@acme.test").document("mutation { createApiKey(input: {name: \"ATS\"}) { secret } }")
			.execute().path("createApiKey.secret").entity(String.class).get();
		graphQlWith(key).document("mutation($input: CtaCompletionInput!) { recordCtaCompletion(input: $input) { eventId } }")
			.variable("input", Map.of("eventId", "after-stop", "ctaId", ctaId("Register interest"), "webCampaignId",
					idOf("webCampaigns", "name", "Graduate Program 2027"), "candidate", Map.of("externalId", "ATS-1001")))
			.execute();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.mongo.getCollection("stepExecutions")
			.countDocuments(new Document("state", "SKIPPED")) == 1);
		assertThat(this.mongo.getCollection("stepExecutions").find().first().getString("reason"))
			.startsWith("opted out of SMS (texted STOP on ");
		assertThat(messageBird.accepted()).hasSize(1);
	}

	@Test
	void startOptsBackIn() {
		postJson(Map.of("id", "in-8", "originator", "61412345678", "recipient", "61480000001", "body", "Opt out"));
		postJson(Map.of("id", "in-9", "originator", "61412345678", "recipient", "61480000001", "body", "start"));

		Candidate olivia = this.mongo.findOne(Query.query(Criteria.where("externalId").is("ATS-1001")), Candidate.class);
		assertThat(olivia.smsOptOut()).isNull();
		assertThat(messageBird.accepted()).extracting(FakeMessageBird.Sent::body)
			.satisfiesExactly(out -> assertThat(out).contains("no longer receive"),
					in -> assertThat(in).contains("subscribed to our texts again"));
	}

	@Test
	void helpGetsTheAccountsHelpText() {
		postJson(Map.of("id", "in-10", "originator", "61412345678", "recipient", "61480000000", "body", "HELP"));

		assertThat(messageBird.accepted()).singleElement()
			.satisfies(help -> assertThat(help.body()).startsWith("Acme Talent recruitment texts."));
	}

	@Test
	void anUnknownSenderBecomesAnUnknownCandidateAndTheCompanyNumberGoesToTheAdmins() {
		postJson(Map.of("id", "in-11", "originator", "61499999999", "recipient", "61480000000", "body", "Who is this?"));

		Candidate unknown = this.mongo.findOne(Query.query(Criteria.where("mobile").is("+61499999999")), Candidate.class);
		assertThat(unknown.unknown()).isTrue();
		assertThat(this.mongo.findAll(Notification.class)).singleElement()
			.satisfies(notification -> assertThat(notification.userId()).isEqualTo(idOf("users", "email", "admin@acme.test")));
	}

	@Test
	void aReplyToTheCompanyNumberNotifiesEveryActiveAdminAndNoFormerOne() {
		String acme = idOf("accounts", "name", "Acme Talent");
		ObjectId second = new ObjectId();
		ObjectId former = new ObjectId();
		this.mongo.getCollection("users").insertMany(List.of(
				new Document("_id", second).append("accountId", acme).append("name", "Second Admin")
					.append("email", "second-admin@acme.test").append("role", "ADMIN").append("active", true),
				new Document("_id", former).append("accountId", acme).append("name", "Former Admin")
					.append("email", "former-admin@acme.test").append("role", "ADMIN").append("active", false)));
		try {
			postJson(Map.of("id", "in-30", "originator", "61499999998", "recipient", "61480000000", "body", "Anyone there?"));

			assertThat(this.mongo.findAll(Notification.class)).extracting(Notification::userId)
				.containsExactlyInAnyOrder(idOf("users", "email", "admin@acme.test"), second.toHexString());
		}
		finally {
			this.mongo.getCollection("users").deleteMany(new Document("_id", new Document("$in", List.of(second, former))));
		}
	}

	@Test
	void onTheCompanyNumberTheReplyGoesToWhoeverTextedLast() {
		graphQlAs("sam@acme.test").document("mutation($id: ID!) { sendChatMessage(candidateId: $id, body: \"Hi Liam, Sam here\") { from } }")
			.variable("id", idOf("candidates", "externalId", "ATS-1002"))
			.execute()
			.path("sendChatMessage.from").entity(String.class).isEqualTo("+61480000000");

		postJson(Map.of("id", "in-12", "originator", "61412345679", "recipient", "61480000000", "body", "Hi Sam"));

		assertThat(this.mongo.findAll(Notification.class)).singleElement()
			.satisfies(notification -> assertThat(notification.userId()).isEqualTo(idOf("users", "email", "sam@acme.test")));
	}

	@Test
	void aNumberNoAccountOwnsIsAcknowledgedAndNothingStored() {
		var before = snapshot(INBOX);

		assertThat(postJson(Map.of("id", "in-13", "originator", "61412345678", "recipient", "61481111111", "body", "Hello?")))
			.isEqualTo(200);

		assertThat(snapshot(INBOX)).isEqualTo(before);
	}

	@Test
	void malformedRepliesAreRefusedAndNothingStored() {
		var before = snapshot(INBOX);

		assertThat(postJson(Map.of("id", "in-14", "recipient", "61480000001", "body", "No originator"))).isEqualTo(400);
		assertThat(postJson(Map.of("id", "in-15", "originator", "61412345678", "body", "No recipient"))).isEqualTo(400);
		assertThat(postJson(Map.of("id", "in-16", "originator", "not a number", "recipient", "61480000001", "body", "x")))
			.isEqualTo(400);
		assertThat(postJson(Map.of("id", "in-17", "originator", "61412345678", "recipient", "61480000001", "body", "  ")))
			.isEqualTo(400);
		assertThat(postJson(Map.of("id", "in-18", "originator", "61412345678", "recipient", "61480000001", "body",
				"x".repeat(1378)))).isEqualTo(400);

		assertThat(snapshot(INBOX)).isEqualTo(before);
	}

	@Test
	void replyingSendsFromTheUsersNumberAndShowsInTheThread() {
		String olivia = idOf("candidates", "externalId", "ATS-1001");
		postJson(Map.of("id", "in-19", "originator", "61412345678", "recipient", "61480000001", "body", "Hello Jane"));
		var jane = graphQlAs("jane@acme.test");

		jane.document("mutation($id: ID!) { sendChatMessage(candidateId: $id, body: \"Hi Olivia! Free tomorrow at 10?\") { from to status } }")
			.variable("id", olivia)
			.execute()
			.path("sendChatMessage.from").entity(String.class).isEqualTo("+61480000001")
			.path("sendChatMessage.status").entity(String.class).isEqualTo("SENT");

		String conversationId = this.mongo.findAll(Conversation.class).getFirst().id();
		jane.document("query($id: ID!) { conversation(id: $id) { unread messages { direction body } } }")
			.variable("id", conversationId)
			.execute()
			.path("conversation.messages[*].direction").entityList(String.class).containsExactly("OUTBOUND", "INBOUND")
			.path("conversation.messages[0].body").entity(String.class).isEqualTo("Hi Olivia! Free tomorrow at 10?");
		jane.document("mutation($id: ID!) { markConversationRead(id: $id) { unread } }")
			.variable("id", conversationId)
			.execute()
			.path("markConversationRead.unread").entity(Integer.class).isEqualTo(0);
		jane.document("{ unreadNotificationCount }").execute().path("unreadNotificationCount").entity(Integer.class).isEqualTo(0);
		assertThat(messageBird.accepted()).singleElement()
			.satisfies(sent -> assertThat(sent.originator()).isEqualTo("+61480000001"));
	}

	@Test
	void replyingToAnOptedOutCandidateOrWithoutCreditsIsRefusedAndNothingSent() {
		String olivia = idOf("candidates", "externalId", "ATS-1001");
		String liam = idOf("candidates", "externalId", "ATS-1002");
		postJson(Map.of("id", "in-20", "originator", "61412345678", "recipient", "61480000001", "body", "STOP"));
		messageBird.reset();
		this.mongo.getCollection("accounts").updateOne(new Document("name", "Acme Talent"),
				new Document("$set", new Document("credits", 0)));
		var before = snapshot(INBOX);
		var jane = graphQlAs("jane@acme.test");

		jane.document("mutation($id: ID!) { sendChatMessage(candidateId: $id, body: \"Still there?\") { id } }")
			.variable("id", olivia)
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().startsWith("Olivia Nguyen opted out of SMS (texted STOP on "));
		jane.document("mutation($id: ID!) { sendChatMessage(candidateId: $id, body: \"Hi Liam\") { id } }")
			.variable("id", liam)
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("Not enough SMS credits: this message costs 1 credit and the balance is 0."));
		jane.document("mutation($id: ID!) { sendChatMessage(candidateId: $id, body: \"  \") { id } }")
			.variable("id", liam)
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("Write a message first: the body is empty."));

		assertThat(messageBird.posts()).isZero();
		assertThat(snapshot(INBOX)).isEqualTo(before);
	}

	@Test
	void aDeliveryReportReachesMessageStatusChanged() throws Exception {
		graphQlAs("jane@acme.test").document("mutation($id: ID!) { sendChatMessage(candidateId: $id, body: \"Hi\") { id } }")
			.variable("id", idOf("candidates", "externalId", "ATS-1001"))
			.execute();
		String providerId = messageBird.accepted().getFirst().id();
		try (GraphQlSocket jane = GraphQlSocket.authenticated(this.port, login("jane@acme.test"))) {
			jane.subscribe("s", "subscription { messageStatusChanged { status body } }");
			Thread.sleep(300);
			String report = "id=" + providerId + "&status=delivered";

			int status = http().post()
				.uri("/webhooks/messagebird/status")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.header("MessageBird-Signature-JWT", MessageBirdSignatures.sign(SIGNING_KEY,
						"https://recruitflow.example/webhooks/messagebird/status", report))
				.body(report)
				.exchange((request, response) -> response.getStatusCode().value());

			assertThat(status).isEqualTo(200);
			assertThat(jane.next(Duration.ofSeconds(2))).contains("DELIVERED");
		}
	}

	@Test
	void theInboxListsMineAndTheSharedInbox() {
		postJson(Map.of("id", "in-21", "originator", "61412345678", "recipient", "61480000001", "body", "For Jane"));
		postJson(Map.of("id", "in-22", "originator", "61412345679", "recipient", "61480000000", "body", "For the admins"));
		var jane = graphQlAs("jane@acme.test");

		jane.document("{ inbox { edges { node { preview unread candidate { fullName } } } } }")
			.execute()
			.path("inbox.edges[*].node.preview").entityList(String.class).containsExactly("For Jane");
		jane.document("{ inbox(mine: false) { edges { node { preview } } } }")
			.execute()
			.path("inbox.edges[*].node.preview").entityList(String.class).containsExactly("For the admins", "For Jane");
		jane.document("{ inbox(mine: false, search: \"liam\") { edges { node { preview } } } }")
			.execute()
			.path("inbox.edges[*].node.preview").entityList(String.class).containsExactly("For the admins");
		jane.document("{ inbox(mine: false, search: \"jane\") { edges { node { preview } } } }")
			.execute()
			.path("inbox.edges[*].node.preview").entityList(String.class).containsExactly("For Jane");
		graphQlAs("admin@globex.test").document("{ inbox(mine: false) { edges { cursor } } }")
			.execute()
			.path("inbox.edges").entityList(Object.class).hasSize(0);
	}

	@Test
	void simulatedRepliesExistOnlyInSandboxMode() {
		graphQlAs("jane@acme.test").document("mutation($id: ID!) { simulateCandidateReply(candidateId: $id, body: \"Hi\") { id } }")
			.variable("id", idOf("candidates", "externalId", "ATS-1001"))
			.execute()
			.errors()
			.expect(error -> error.getMessage().startsWith("Simulated replies exist only in sandbox mode"));
		assertThat(count("messages")).isZero();
	}

	@Test
	void aReplyPostedToOneInstanceReachesASubscriberOnTheOther() throws Exception {
		Path dataDir = Files.createTempDirectory("recruitflow-second-instance");
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(RecruitFlowApplication.class).run(
				"--MONGODB_URI=" + TestMongo.uri(), "--server.port=0", "--recruitflow.data-dir=" + dataDir,
				"--recruitflow.demo-data=false",
				"--recruitflow.jwt-secret=" + Files.readString(dataDir().resolve("jwt-signing.key")).trim(),
				"--recruitflow.sms.access-key=test_key", "--recruitflow.sms.base-url=" + messageBird.baseUrl(),
				"--recruitflow.sms.signing-key=" + SIGNING_KEY, "--recruitflow.public-base-url=https://recruitflow.example");
				GraphQlSocket onSecond = GraphQlSocket.authenticated(
						Integer.parseInt(second.getEnvironment().getProperty("local.server.port")), login("jane@acme.test"))) {
			onSecond.subscribe("i", "subscription { inboxMessageReceived { message { body } } }");
			Thread.sleep(500);

			postJson(Map.of("id", "in-23", "originator", "61412345678", "recipient", "61480000001", "body", "Across instances"));

			assertThat(onSecond.next(Duration.ofSeconds(2))).contains("Across instances");
			assertThat(onSecond.next(Duration.ofMillis(500))).as("delivered once").isNull();
		}
	}

	@Test
	void oneExecutionServesEveryRecruiterOfTheAccountAndEachHearsEveryReply() throws Exception {
		String inbox = "subscription { inboxMessageReceived { message { body } conversation { unread } } }";
		String acme = idOf("accounts", "name", "Acme Talent");
		try (GraphQlSocket jane = GraphQlSocket.authenticated(this.port, login("jane@acme.test"));
				GraphQlSocket janeSecondTab = GraphQlSocket.authenticated(this.port, login("jane@acme.test"));
				GraphQlSocket sam = GraphQlSocket.authenticated(this.port, login("sam@acme.test"));
				GraphQlSocket acmeAdmin = GraphQlSocket.authenticated(this.port, login("admin@acme.test"));
				GraphQlSocket globex = GraphQlSocket.authenticated(this.port, login("admin@globex.test"))) {
			List<GraphQlSocket> acmeSockets = List.of(jane, janeSecondTab, sam, acmeAdmin);
			acmeSockets.forEach(socket -> socket.subscribe("i", inbox));
			globex.subscribe("i", inbox);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(sharedFor(inbox)).containsOnly(
						Map.entry(acme + " recruiter", 3), Map.entry(acme + " admin", 1),
						Map.entry(idOf("accounts", "name", "Globex Careers") + " admin", 1)));

			for (int reply = 1; reply <= 3; reply++) {
				postJson(Map.of("id", "in-shared-" + reply, "originator", "61412345678", "recipient", "61480000001", "body",
						"Shared reply " + reply));
				for (GraphQlSocket socket : acmeSockets) {
					assertThat(socket.next(Duration.ofSeconds(2))).contains("Shared reply " + reply).contains("\"unread\":" + reply);
				}
			}
			assertThat(globex.next(Duration.ofMillis(500))).as("another account's replies").isNull();
			for (GraphQlSocket socket : acmeSockets) {
				assertThat(socket.next(Duration.ofMillis(100))).as("each reply once").isNull();
			}
		}
	}

	@Test
	void notificationsAreSharedOnlyBetweenOneUsersOwnTabs() throws Exception {
		String mine = "subscription { notificationReceived { body } }";
		try (GraphQlSocket jane = GraphQlSocket.authenticated(this.port, login("jane@acme.test"));
				GraphQlSocket janeSecondTab = GraphQlSocket.authenticated(this.port, login("jane@acme.test"));
				GraphQlSocket sam = GraphQlSocket.authenticated(this.port, login("sam@acme.test"))) {
			jane.subscribe("n", mine);
			janeSecondTab.subscribe("n", mine);
			sam.subscribe("n", mine);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.shared.members().entrySet())
				.filteredOn(execution -> execution.getKey().document().equals(mine))
				.allSatisfy(execution -> assertThat(execution.getKey().person()).as("keyed by person").isNotNull())
				.extracting(Map.Entry::getValue)
				.containsExactlyInAnyOrder(2, 1));

			postJson(Map.of("id", "in-shared-n", "originator", "61412345678", "recipient", "61480000001", "body", "For Jane only"));

			assertThat(jane.next(Duration.ofSeconds(2))).contains("For Jane only");
			assertThat(janeSecondTab.next(Duration.ofSeconds(2))).contains("For Jane only");
			assertThat(sam.next(Duration.ofMillis(500))).as("another user's notification").isNull();
		}
	}

	@Test
	void whenItsLastMemberLeavesASharedExecutionStopsAndTheNextSubscriberStartsAFreshOne() throws Exception {
		String inbox = "subscription { inboxMessageReceived { message { body direction } } }";
		try (GraphQlSocket jane = GraphQlSocket.authenticated(this.port, login("jane@acme.test"));
				GraphQlSocket sam = GraphQlSocket.authenticated(this.port, login("sam@acme.test"))) {
			jane.subscribe("i", inbox);
			sam.subscribe("i", inbox);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sharedFor(inbox)).containsValues(2));
			jane.send("{\"id\":\"i\",\"type\":\"complete\"}");
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sharedFor(inbox)).containsValues(1));

			postJson(Map.of("id", "in-left-1", "originator", "61412345678", "recipient", "61480000001", "body", "After Jane left"));
			assertThat(sam.next(Duration.ofSeconds(2))).contains("After Jane left");
			assertThat(jane.next(Duration.ofMillis(300))).as("a member that left").isNull();
		}
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sharedFor(inbox)).isEmpty());

		try (GraphQlSocket jane = GraphQlSocket.authenticated(this.port, login("jane@acme.test"))) {
			jane.subscribe("i", inbox);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sharedFor(inbox)).containsValues(1));
			postJson(Map.of("id", "in-left-2", "originator", "61412345678", "recipient", "61480000001", "body", "Back again"));
			assertThat(jane.next(Duration.ofSeconds(2))).contains("Back again");
		}
	}

	/** Members of each running execution of the document, by account and role. */
	private Map<String, Integer> sharedFor(String document) {
		Map<String, Integer> members = new LinkedHashMap<>();
		this.shared.members().forEach((audience, count) -> {
			if (audience.document().equals(document)) {
				members.merge(audience.accountId() + (audience.admin() ? " admin" : " recruiter"), count, Integer::sum);
			}
		});
		return members;
	}

	private int postJson(Map<String, String> fields) {
		String body = json(fields);
		return post(body, MediaType.APPLICATION_JSON, MessageBirdSignatures.sign(SIGNING_KEY, INBOUND_URL, body));
	}

	private int post(String body, MediaType type, String signature) {
		return http().post()
			.uri("/webhooks/messagebird/inbound")
			.contentType(type)
			.headers(headers -> {
				if (signature != null) {
					headers.set("MessageBird-Signature-JWT", signature);
				}
			})
			.body(body)
			.exchange((request, response) -> response.getStatusCode().value());
	}

	private static String json(Map<String, String> fields) {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(fields);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String unique() {
		return UUID.randomUUID().toString();
	}

}
