package io.recruitflow.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import io.recruitflow.support.GraphQlSocket;
import io.recruitflow.support.SchemaOperations;
import io.recruitflow.support.SchemaOperations.Field;
import io.recruitflow.support.SchemaOperations.IdArgument;
import io.recruitflow.support.SchemaOperations.Kind;
import io.recruitflow.support.SchemaOperations.Operation;
import io.recruitflow.support.SecuritySuiteTest;
import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tenant isolation, generated from the schema: every operation that takes an id (as an argument or
 * inside an input) is called by Globex with the ids of real Acme objects of the right kind — one
 * id at a time, everything else valid for Globex — and must answer exactly as for an id that
 * never existed (not found; null for the queries documented to answer null; BAD_REQUEST "no … in
 * your account" for a reference inside an input), writing nothing. Operations without an id are
 * listed as skipped, and the queries among them must not show Globex anything of Acme's. The live
 * subscriptions deliver each account (and, for notifications, each user) only its own events.
 */
class CrossAccountSuiteTests extends SecuritySuiteTest {

	/** Single-object queries that answer null for an id that is not the caller's; the others answer NOT_FOUND. */
	private static final Set<String> NULL_WHEN_NOT_FOUND = Set.of("candidate", "conversation");

	/** Subscriptions that deliver only the signed-in user's own events; the others deliver the whole account's. */
	private static final Set<String> USER_SCOPED_SUBSCRIPTIONS = Set.of("notificationReceived");

	/** Operations that, beside the id under test, need an argument the schema marks optional. */
	private static final Map<String, Function<String, Map<String, Object>>> EXTRA_ARGUMENTS = Map.of(
			"previewChatMessage", tested -> tested.equals("templateId") ? Map.of() : Map.of("body", "Hi there"));

	private static final int OPERATIONS_WITH_IDS_AT_LEAST = 27;

	enum IdKind {

		WORKFLOW, WORKFLOW_STEP, TEMPLATE, CANDIDATE, CONVERSATION, NOTIFICATION, API_KEY, STEP_EXECUTION, MESSAGE,
		USER, CTA, WEB_CAMPAIGN

	}

	private final Map<IdKind, String> acme = new LinkedHashMap<>();

	private final Map<IdKind, String> globex = new LinkedHashMap<>();

	private String acmeApiKey;

	@Test
	void everyOperationTakingAnIdTreatsAnotherAccountsIdAsNotFoundAndWritesNothing() {
		createAcmeObjectsOfEveryKind();
		collectGlobexIds();
		String globexAdmin = login("admin@globex.test");
		SchemaOperations schema = schemaOperations();
		SoftAssertions softly = new SoftAssertions();
		List<String> checked = new ArrayList<>();
		Map<String, String> skipped = new TreeMap<>();
		Set<String> operationsWithIds = new HashSet<>();
		Set<String> acmeIds = acmeIdsEverywhere();

		for (Field field : schema.allFields()) {
			List<IdArgument> ids = schema.idArguments(field);
			if (ids.isEmpty()) {
				skipped.put(field.toString(), field.kind() == Kind.SUBSCRIPTION
						? "no arguments; account and user scoping is checked by the subscription test below"
						: field.kind() == Kind.QUERY ? "takes no id; checked instead that its answer holds no Acme id"
								: "takes no id: it can only create or change the caller's own account's data");
				if (field.kind() == Kind.QUERY) {
					answerHoldsNothingOfAcme(softly, schema, field, globexAdmin, acmeIds);
				}
				continue;
			}
			operationsWithIds.add(field.name());
			for (IdArgument id : ids) {
				IdKind kind = kindOf(field, id);
				if (kind == null) {
					softly.fail("%s: cannot tell what kind of object the id argument %s names; teach kindOf()", field, id.path());
					continue;
				}
				String acmeId = this.acme.get(kind);
				Map<String, Object> arguments = arguments(field, id, acmeId);
				if (arguments == null) {
					softly.fail("%s: no valid Globex value for the input holding %s; add one to validInput()", field, id.path());
					continue;
				}
				Operation foreign = schema.operation(field, arguments, schema.scalarSelection(field));
				var before = databaseState();
				Response answer = graphQlPost(globexAdmin, foreign.body());
				String missingId = new ObjectId().toHexString();
				Response missing = graphQlPost(globexAdmin,
						schema.operation(field, arguments(field, id, missingId), schema.scalarSelection(field)).body());
				var after = databaseState();
				String label = field + " with Acme's " + kind + " as " + id.path();
				expectNotFound(softly, label, field, id, acmeId, answer);
				softly.assertThat(answer.text().replace(acmeId, "<id>"))
					.as("%s: the same answer as for an id that never existed", label)
					.isEqualTo(missing.text().replace(missingId, "<id>"));
				softly.assertThat(difference(before, after)).as("%s wrote nothing", label).isEmpty();
				checked.add(label + " -> " + summary(answer));
			}
		}

		System.out.printf("[security] cross-account suite: %d cases over %d operations with ids; %d without ids skipped:%n",
				checked.size(), operationsWithIds.size(), skipped.size());
		checked.forEach(line -> System.out.println("[security]   checked " + line));
		skipped.forEach((name, reason) -> System.out.println("[security]   skipped " + name + ": " + reason));
		assertThat(operationsWithIds).as("operations taking an id").hasSizeGreaterThanOrEqualTo(OPERATIONS_WITH_IDS_AT_LEAST);
		softly.assertAll();
	}

	@Test
	void subscriptionsDeliverOnlyTheCallersAccountsAndUsersEvents() throws Exception {
		SchemaOperations schema = schemaOperations();
		List<Field> subscriptions = schema.fields(Kind.SUBSCRIPTION);
		assertThat(subscriptions).hasSizeGreaterThanOrEqualTo(3);
		Map<String, GraphQlSocket> sockets = new LinkedHashMap<>();
		sockets.put("acme admin", GraphQlSocket.authenticated(this.port, login("admin@acme.test")));
		sockets.put("jane", GraphQlSocket.authenticated(this.port, login("jane@acme.test")));
		sockets.put("globex admin", GraphQlSocket.authenticated(this.port, login("admin@globex.test")));
		try {
			for (GraphQlSocket socket : sockets.values()) {
				for (Field field : subscriptions) {
					socket.send(json(Map.of("id", field.name(), "type", "subscribe", "payload",
							Map.of("query", "subscription { " + field.name() + " " + schema.idSelection(field, 3) + " }"))));
				}
			}
			Thread.sleep(300);

			// Acme: Jane texts Olivia (a new outbound message), it is delivered, and Liam replies to the company
			// number (for the admins, not Jane). Globex: Mia replies to Globex's company number.
			Response sent = graphQlPost(login("jane@acme.test"), Map.of("query",
					"mutation($id: ID!) { sendChatMessage(candidateId: $id, body: \"Hi Olivia\") { id } }", "variables",
					Map.of("id", idOf("candidates", "externalId", "ATS-1001"))));
			assertThat(sent.errors()).as(sent.text()).isEmpty();
			String providerId = this.mongo.getCollection("messages").find().first().getString("providerMessageId");
			assertThat(signedWebhook(STATUS, MediaType.APPLICATION_FORM_URLENCODED, "id=" + providerId + "&status=delivered")
				.status()).isEqualTo(200);
			assertThat(inbound("cross-1", "61412345679", "61480000000", "Hello Acme")).isEqualTo(200);
			assertThat(inbound("cross-2", "61455678912", "61480000100", "Hello Globex")).isEqualTo(200);

			Set<String> acmeIds = new HashSet<>(acmeIdsEverywhere());
			Set<String> globexIds = idsOfAccount(accountId("Globex Careers"));
			SoftAssertions softly = new SoftAssertions();
			Map<String, Map<String, List<String>>> received = new LinkedHashMap<>();
			Duration quiet = Duration.ofMillis(700);
			for (Map.Entry<String, GraphQlSocket> socket : sockets.entrySet()) {
				received.put(socket.getKey(), drain(socket.getValue(), quiet));
				quiet = Duration.ofMillis(200); // the first socket's wait let every event arrive everywhere
			}
			for (Field field : subscriptions) {
				boolean userScoped = USER_SCOPED_SUBSCRIPTIONS.contains(field.name());
				List<String> admin = received.get("acme admin").getOrDefault(field.name(), List.of());
				List<String> jane = received.get("jane").getOrDefault(field.name(), List.of());
				List<String> globex = received.get("globex admin").getOrDefault(field.name(), List.of());
				softly.assertThat(admin).as("%s: Acme's admin receives Acme's events (so the others' silence means something)",
						field).isNotEmpty();
				if (userScoped) {
					softly.assertThat(jane).as("%s: Jane receives nothing meant for another user", field).isEmpty();
				}
				else {
					softly.assertThat(jane).as("%s: Jane receives her account's events", field).isNotEmpty();
				}
				softly.assertThat(globex).as("%s: Globex's admin receives Globex's own events", field)
					.allSatisfy(event -> assertThat(acmeIds).noneMatch(event::contains));
				for (String event : concat(admin, jane)) {
					softly.assertThat(globexIds).as("%s: an Acme subscriber got a Globex id in %s", field, event)
						.noneMatch(event::contains);
				}
				System.out.printf("[security] subscription %s: acme admin %d, jane %d, globex admin %d events%n", field.name(),
						admin.size(), jane.size(), globex.size());
			}
			String globexReply = idOf("messages", "providerMessageId", "cross-2");
			softly.assertThat(received.get("globex admin").getOrDefault("inboxMessageReceived", List.of()))
				.as("Globex's own reply reaches Globex's subscriber (so its silence about Acme means something)")
				.anySatisfy(event -> assertThat(event).contains(globexReply));
			softly.assertAll();
		}
		finally {
			sockets.values().forEach(GraphQlSocket::close);
		}
	}

	/** Every "next" payload each subscription got, until the socket has been quiet for a while. */
	private Map<String, List<String>> drain(GraphQlSocket socket, Duration quiet) throws Exception {
		Map<String, List<String>> bySubscription = new LinkedHashMap<>();
		String message;
		while ((message = socket.next(quiet)) != null) {
			JsonNode node = JSON.readTree(message);
			assertThat(node.path("type").asText()).as("only events arrive: %s", message).isEqualTo("next");
			bySubscription.computeIfAbsent(node.path("id").asText(), id -> new ArrayList<>()).add(message);
		}
		return bySubscription;
	}

	private void expectNotFound(SoftAssertions softly, String label, Field field, IdArgument id, String acmeId,
			Response answer) {
		softly.assertThat(answer.status()).as("%s: HTTP status", label).isEqualTo(200);
		if (!id.topLevel()) {
			JsonNode items = answer.data(field.name());
			if (answer.errors().isEmpty() && items.isArray()) {
				softly.assertThat(items).as("%s: each item of the batch is refused: %s", label, answer.text())
					.isNotEmpty()
					.allSatisfy(item -> {
						assertThat(item.path("errorClassification").asText()).isEqualTo("BAD_REQUEST");
						assertThat(item.path("error").asText()).contains(acmeId)
							.containsAnyOf("there is no", "is not one of your", "is not a CTA of any of your");
					});
				return;
			}
			softly.assertThat(answer.classification()).as("%s: %s", label, answer.text()).isEqualTo("BAD_REQUEST");
			softly.assertThat(answer.message()).as("%s: the message", label)
				.contains(acmeId)
				.containsAnyOf("there is no", "is not one of your", "is not a CTA of any of your");
		}
		else if (NULL_WHEN_NOT_FOUND.contains(field.name())) {
			softly.assertThat(answer.errors()).as("%s: %s", label, answer.text()).isEmpty();
			softly.assertThat(answer.data(field.name()).isNull()).as("%s answers null: %s", label, answer.text()).isTrue();
		}
		else {
			softly.assertThat(answer.classification()).as("%s: %s", label, answer.text()).isEqualTo("NOT_FOUND");
			softly.assertThat(answer.message()).as("%s: the message", label).endsWith("'" + acmeId + "' was not found.");
			softly.assertThat(answer.data(field.name()).isNull() || answer.data(field.name()).isMissingNode())
				.as("%s: no data", label).isTrue();
		}
	}

	/** Runs a query without ids as Globex, asking for every id it can reach: none may be Acme's. */
	private void answerHoldsNothingOfAcme(SoftAssertions softly, SchemaOperations schema, Field field, String credential,
			Set<String> acmeIds) {
		Map<String, Object> arguments = new LinkedHashMap<>();
		for (GraphQLArgument argument : field.definition().getArguments()) {
			if (GraphQLTypeUtil.isNonNull(argument.getType())) {
				arguments.put(argument.getName(), SchemaOperations.dummy(argument.getType(), 0));
			}
			else if (GraphQLTypeUtil.unwrapAll(argument.getType()) instanceof GraphQLScalarType scalar
					&& scalar.getName().equals("Boolean")) {
				arguments.put(argument.getName(), false); // e.g. inbox(mine: false): the whole Shared Inbox
			}
		}
		Response answer = graphQlPost(credential, schema.operation(field, arguments, schema.idSelection(field, 4)).body());
		softly.assertThat(answer.errors()).as("%s as Globex: %s", field, answer.text()).isEmpty();
		softly.assertThat(acmeIds).as("%s as Globex shows none of Acme's ids: %s", field, answer.text())
			.noneMatch(answer.text()::contains);
		softly.assertThat(answer.text()).as("%s as Globex", field).doesNotContain("acme.test").doesNotContain("Acme Talent");
	}

	/**
	 * The arguments for one case: the id under test set to {@code value}; every other required
	 * argument valid for Globex (its own ids, valid inputs, dummies for plain values).
	 */
	private Map<String, Object> arguments(Field field, IdArgument tested, String value) {
		String root = tested.path().split("[.\\[]", 2)[0];
		Map<String, Object> arguments = new LinkedHashMap<>(
				EXTRA_ARGUMENTS.getOrDefault(field.name(), t -> Map.of()).apply(tested.path()));
		for (GraphQLArgument argument : field.definition().getArguments()) {
			boolean underTest = argument.getName().equals(root);
			if (!underTest && !GraphQLTypeUtil.isNonNull(argument.getType())) {
				continue;
			}
			if (underTest && tested.topLevel()) {
				arguments.put(argument.getName(), value);
				continue;
			}
			String inputType = SchemaOperations.inputTypeName(argument);
			if (inputType == null) {
				IdKind kind = isId(argument) ? kindOf(field, new IdArgument(argument.getName(), argument.getName(), true)) : null;
				arguments.put(argument.getName(), kind != null ? this.globex.get(kind) : SchemaOperations.dummy(argument.getType(), 0));
				continue;
			}
			Map<String, Object> input = validInput(inputType);
			if (input == null) {
				if (underTest) {
					return null;
				}
				arguments.put(argument.getName(), SchemaOperations.dummy(argument.getType(), 0));
				continue;
			}
			if (underTest) {
				set(input, tested.path().substring(root.length()).replace("[]", "").replaceFirst("^\\.", ""), value);
			}
			boolean list = GraphQLTypeUtil.unwrapNonNull(argument.getType()) instanceof graphql.schema.GraphQLList;
			arguments.put(argument.getName(), list ? List.of(input) : input);
		}
		return arguments;
	}

	/** An input of this type that Globex may send: its own ids, valid values. Null when there is none here. */
	private Map<String, Object> validInput(String type) {
		return switch (type) {
			case "WorkflowInput" -> mutable(Map.of("name", "Cross-account probe", "trigger",
					mutable(Map.of("type", "CTA_COMPLETED", "ctaId", this.globex.get(IdKind.CTA)))));
			case "WorkflowStepInput" -> mutable(Map.of("kind", "CHAT_MESSAGE", "senderUserId", this.globex.get(IdKind.USER),
					"chatTemplateId", this.globex.get(IdKind.TEMPLATE)));
			case "CtaCompletionInput" -> mutable(Map.of("eventId", "cross-account-probe", "candidate",
					mutable(Map.of("externalId", "GX-1")), "ctaId", this.globex.get(IdKind.CTA)));
			case "ChatTemplateInput" -> mutable(Map.of("name", "Probe", "body", "Hi {{candidate.firstName}}"));
			default -> null;
		};
	}

	/** What kind of object an id argument names: by its name, else (for "id") by what the operation returns. */
	private static IdKind kindOf(Field field, IdArgument id) {
		IdKind byName = switch (id.name()) {
			case "workflowId" -> IdKind.WORKFLOW;
			case "stepId" -> IdKind.WORKFLOW_STEP;
			case "templateId", "chatTemplateId" -> IdKind.TEMPLATE;
			case "candidateId" -> IdKind.CANDIDATE;
			case "senderUserId", "userId" -> IdKind.USER;
			case "ctaId" -> IdKind.CTA;
			case "webCampaignId" -> IdKind.WEB_CAMPAIGN;
			case "conversationId" -> IdKind.CONVERSATION;
			case "messageId" -> IdKind.MESSAGE;
			case "notificationId" -> IdKind.NOTIFICATION;
			default -> null;
		};
		if (byName != null || !id.name().equals("id")) {
			return byName;
		}
		String returned = GraphQLTypeUtil.unwrapAll(field.definition().getType()).getName();
		String subject = returned.equals("ID") ? field.name().replaceFirst("^[a-z]+", "") : returned;
		return switch (subject) {
			case "Workflow" -> IdKind.WORKFLOW;
			case "ChatTemplate" -> IdKind.TEMPLATE;
			case "Candidate" -> IdKind.CANDIDATE;
			case "Conversation" -> IdKind.CONVERSATION;
			case "Notification" -> IdKind.NOTIFICATION;
			case "ApiKey" -> IdKind.API_KEY;
			case "StepExecution" -> IdKind.STEP_EXECUTION;
			case "Message" -> IdKind.MESSAGE;
			case "User" -> IdKind.USER;
			default -> null;
		};
	}

	/**
	 * Acme gets one object of every kind: an API key, a workflow run whose Chat Message step sent an
	 * SMS (so a step execution, a message and a conversation), a reply to it (a notification), and
	 * its delivery report.
	 */
	private void createAcmeObjectsOfEveryKind() {
		String admin = login("admin@acme.test");
		Response key = graphQlPost(admin,
				Map.of("query", "mutation { createApiKey(input: {name: \"ATS\"}) { secret apiKey { id } } }"));
		this.acmeApiKey = key.data("createApiKey").path("secret").asText();
		this.acme.put(IdKind.API_KEY, key.data("createApiKey").path("apiKey").path("id").asText());
		Response receipt = graphQlPost(this.acmeApiKey, Map.of("query",
				"mutation($input: CtaCompletionInput!) { recordCtaCompletion(input: $input) { startedWorkflows { id } } }",
				"variables", Map.of("input", Map.of("eventId", "cross-account-setup", "ctaId", ctaId("Register interest"),
						"webCampaignId", idOf("webCampaigns", "name", "Graduate Program 2027"), "candidate",
						Map.of("externalId", "ATS-1001")))));
		assertThat(receipt.data("recordCtaCompletion").path("startedWorkflows")).as(receipt.text()).hasSize(1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mongo.getCollection("stepExecutions").countDocuments(new Document("state", "SENT")) == 1);
		Document outbound = this.mongo.getCollection("messages").find(new Document("direction", "OUTBOUND")).first();
		assertThat(signedWebhook(STATUS, MediaType.APPLICATION_FORM_URLENCODED,
				"id=" + outbound.getString("providerMessageId") + "&status=delivered").status()).isEqualTo(200);
		assertThat(inbound("setup-reply", "61412345678", "61480000001", "Yes please")).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> count("notifications") == 1);

		Document workflow = this.mongo.getCollection("workflows").find(new Document("name", "Graduate registration follow-up")).first();
		this.acme.put(IdKind.WORKFLOW, workflow.get("_id").toString());
		this.acme.put(IdKind.WORKFLOW_STEP, stepId(workflow));
		this.acme.put(IdKind.TEMPLATE, idOf("chatTemplates", "name", "Thanks for registering"));
		this.acme.put(IdKind.CANDIDATE, idOf("candidates", "externalId", "ATS-1001"));
		this.acme.put(IdKind.CONVERSATION, idOf("conversations", "candidateId", this.acme.get(IdKind.CANDIDATE)));
		this.acme.put(IdKind.NOTIFICATION, this.mongo.getCollection("notifications").find().first().get("_id").toString());
		this.acme.put(IdKind.STEP_EXECUTION, this.mongo.getCollection("stepExecutions").find().first().get("_id").toString());
		this.acme.put(IdKind.MESSAGE, outbound.get("_id").toString());
		this.acme.put(IdKind.USER, idOf("users", "email", "jane@acme.test"));
		this.acme.put(IdKind.CTA, ctaId("Register interest"));
		this.acme.put(IdKind.WEB_CAMPAIGN, idOf("webCampaigns", "name", "Graduate Program 2027"));
		assertThat(this.acme).as("an Acme object of every kind").hasSize(IdKind.values().length);
		pause(200);
	}

	/** Globex's own objects, for the arguments that are not under test. */
	private void collectGlobexIds() {
		Document workflow = this.mongo.getCollection("workflows").find(new Document("name", "Open day seat booked")).first();
		this.globex.put(IdKind.WORKFLOW, workflow.get("_id").toString());
		this.globex.put(IdKind.WORKFLOW_STEP, stepId(workflow));
		this.globex.put(IdKind.TEMPLATE, idOf("chatTemplates", "name", "Open day reminder"));
		this.globex.put(IdKind.CANDIDATE, idOf("candidates", "externalId", "GX-1"));
		this.globex.put(IdKind.USER, idOf("users", "email", "admin@globex.test"));
		this.globex.put(IdKind.CTA, ctaId("Book a seat"));
		this.globex.put(IdKind.WEB_CAMPAIGN, idOf("webCampaigns", "name", "Globex Open Day"));
	}

	/** The ids of every Acme document in every collection, and of the CTAs and steps inside them. */
	private Set<String> acmeIdsEverywhere() {
		Set<String> ids = idsOfAccount(accountId("Acme Talent"));
		ids.addAll(this.acme.values());
		return ids;
	}

	private Set<String> idsOfAccount(String accountId) {
		Set<String> ids = new HashSet<>();
		ids.add(accountId);
		for (String name : this.mongo.getCollectionNames()) {
			for (Document document : this.mongo.getCollection(name).find(new Document("accountId", accountId))) {
				ids.add(document.get("_id").toString());
				for (String embedded : List.of("ctas", "steps")) {
					if (document.get(embedded) instanceof List<?> items) {
						items.stream()
							.filter(Document.class::isInstance)
							.map(item -> ((Document) item).get(((Document) item).containsKey("_id") ? "_id" : "id"))
							.filter(java.util.Objects::nonNull)
							.forEach(item -> ids.add(item.toString()));
					}
				}
			}
		}
		return ids;
	}

	private String accountId(String name) {
		return idOf("accounts", "name", name);
	}

	private static String stepId(Document workflow) {
		Document step = workflow.getList("steps", Document.class).getFirst();
		return (step.containsKey("_id") ? step.get("_id") : step.get("id")).toString();
	}

	private int inbound(String id, String originator, String recipient, String body) {
		Response response = signedWebhook(INBOUND, MediaType.APPLICATION_JSON,
				json(Map.of("id", id, "originator", originator, "recipient", recipient, "body", body)));
		assertThat(response.status()).as("inbound webhook: %s", response.text()).isEqualTo(200);
		return response.status();
	}

	private static boolean isId(GraphQLArgument argument) {
		return GraphQLTypeUtil.unwrapAll(argument.getType()).getName().equals("ID");
	}

	@SuppressWarnings("unchecked")
	private static void set(Map<String, Object> input, String path, Object value) {
		String[] parts = path.split("\\.");
		Map<String, Object> current = input;
		for (int i = 0; i < parts.length - 1; i++) {
			current = (Map<String, Object>) current.computeIfAbsent(parts[i], key -> new LinkedHashMap<>());
		}
		current.put(parts[parts.length - 1], value);
	}

	private static Map<String, Object> mutable(Map<String, Object> map) {
		return new LinkedHashMap<>(map);
	}

	private static String summary(Response answer) {
		return answer.errors().isEmpty() ? "data " + answer.json().path("data")
				: answer.classification() + " \"" + answer.message() + "\"";
	}

	private static <T> List<T> concat(List<T> first, List<T> second) {
		List<T> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
