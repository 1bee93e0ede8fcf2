package io.recruitflow.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * {@code make chaos}: kills the app mid-burst, makes the provider misbehave and floods the inbound
 * webhook, then compares what the provider received with what should have been sent. Prints
 * expected, received, duplicates and missing; exits non-zero if anything was lost or doubled.
 */
public final class Chaos {

	private static final Pattern EVENT_TAG = Pattern.compile("about evt-(\\d+):");

	private static final List<String> FINAL = List.of("SENT", "SKIPPED", "FAILED", "DEAD", "UNCONFIRMED");

	private static final long STARTING_CREDITS = 10_000_000L;

	private final boolean quick;

	private boolean failed;

	/** When the scenario's account got its credits: ledger entries from then on are the scenario's. */
	private Date creditsSetAt;

	private Chaos(boolean quick) {
		this.quick = quick;
	}

	public static void main(String[] args) throws Exception {
		Chaos chaos = new Chaos(List.of(args).contains("--quick"));
		chaos.crashes();
		chaos.providerFaults();
		chaos.webhookFlood();
		System.out.println();
		System.out.println(chaos.failed ? "CHAOS: something was lost or doubled (see above)" : "CHAOS: nothing lost, nothing doubled");
		System.exit(chaos.failed ? 1 : 0);
	}

	private Map<String, String> env(MessageBirdStub stub) {
		Map<String, String> env = new HashMap<>();
		env.put("MESSAGEBIRD_ACCESS_KEY", "chaos-key");
		env.put("MESSAGEBIRD_BASE_URL", stub.baseUrl());
		env.put("MESSAGEBIRD_SIGNING_KEY", Bench.SIGNING_KEY);
		env.put("MESSAGEBIRD_READ_TIMEOUT", "2s");
		env.put("RECRUITFLOW_DISPATCH_LEASE", "15s");
		env.put("RECRUITFLOW_DISPATCH_MAXATTEMPTS", "12");
		env.put("RECRUITFLOW_DISPATCH_BACKOFFBASE", "200ms");
		env.put("RECRUITFLOW_DISPATCH_BACKOFFMAX", "3s");
		env.put("RECRUITFLOW_DISPATCH_RECONCILEDELAY", "1s");
		return env;
	}

	// ---------------------------------------------------------------- crashes

	private void crashes() throws Exception {
		int events = this.quick ? 500 : 5000;
		int kills = 5;
		System.out.println("Crashes: " + events + " events, the app killed with SIGKILL " + kills + " times and restarted");
		try (MessageBirdStub stub = new MessageBirdStub(); AppProcess app = new AppProcess(AppProcess.findJar(), env(stub))) {
			app.start();
			Api api = new Api(app.baseUrl());
			Setup setup = setUp(api, app);
			AtomicInteger next = new AtomicInteger();
			AtomicBoolean sending = new AtomicBoolean(true);
			AtomicLong retries = new AtomicLong();
			ExecutorService clients = Executors.newFixedThreadPool(8);
			List<CompletableFuture<Void>> done = new ArrayList<>();
			for (int c = 0; c < 8; c++) {
				done.add(CompletableFuture.runAsync(() -> {
					int i;
					while ((i = next.getAndIncrement()) < events) {
						// An integrator retries an event until it is acknowledged, with the same eventId.
						while (!record(api, setup, i)) {
							retries.incrementAndGet();
							sleep(300);
						}
					}
				}, clients));
			}
			// Kill moments spread over the whole burst (seeded, so runs compare): each at a random
			// point between 5 % and 95 % of the events handed out, give or take a second.
			Random random = new Random(42);
			List<Integer> killAt = new ArrayList<>();
			for (int k = 0; k < kills; k++) {
				killAt.add(events / 20 + random.nextInt(events * 9 / 10));
			}
			killAt.sort(null);
			for (int k = 1; k <= kills; k++) {
				while (next.get() < killAt.get(k - 1) && !CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).isDone()) {
					sleep(50);
				}
				sleep(random.nextInt(1000));
				app.kill();
				System.out.println("  kill " + k + " at " + next.get() + " events sent; restarting");
				app.start();
			}
			CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(20, TimeUnit.MINUTES);
			sending.set(false);
			clients.shutdown();
			settle(app);
			compare(stub, app, events, "crashes");
			compareCredits(app, "crashes");
			System.out.println("  integrator retries while the app was down: " + retries.get());
		}
	}

	// ---------------------------------------------------------------- provider faults

	private void providerFaults() throws Exception {
		int events = this.quick ? 200 : 1000;
		System.out.println();
		System.out.println("Provider faults: " + events + " events; the stub answers 30% 500s, 5% hangs past the timeout, 2% dropped connections");
		try (MessageBirdStub stub = new MessageBirdStub(); AppProcess app = new AppProcess(AppProcess.findJar(), env(stub))) {
			stub.faults(0.30, 0.05, 0.02, 3000);
			app.start();
			Api api = new Api(app.baseUrl());
			Setup setup = setUp(api, app);
			Bench.runClients(8, () -> {
				int i;
				AtomicInteger mine = new AtomicInteger();
				while ((i = NEXT.getAndIncrement()) < events) {
					while (!record(api, setup, i)) {
						sleep(300);
					}
					mine.incrementAndGet();
				}
			});
			NEXT.set(0);
			settle(app);
			compare(stub, app, events, "faults");
			compareCredits(app, "faults");
			try (MongoClient client = MongoClients.create(app.mongoUri())) {
				MongoDatabase db = client.getDatabase("recruitflow");
				long attempts = 0;
				for (Document step : db.getCollection("stepExecutions").find()) {
					attempts += step.getInteger("attempts", 0);
				}
				long steps = db.getCollection("stepExecutions").countDocuments();
				long dead = db.getCollection("stepExecutions").countDocuments(new Document("state", "DEAD"));
				System.out.printf("  provider calls: %d (500s %d, hangs %d, drops %d); step attempts %d, retries %d, dead steps %d%n",
						stub.posts(), stub.failures(), stub.hangs(), stub.resets(), attempts, attempts - steps, dead);
			}
		}
	}

	private static final AtomicInteger NEXT = new AtomicInteger();

	// ---------------------------------------------------------------- webhook flood

	private void webhookFlood() throws Exception {
		int messages = this.quick ? 20 : 100;
		System.out.println();
		System.out.println("Webhook floods: " + messages + " inbound messages, each delivered 5 times at once");
		try (MessageBirdStub stub = new MessageBirdStub(); AppProcess app = new AppProcess(AppProcess.findJar(), env(stub))) {
			app.start();
			Api api = new Api(app.baseUrl());
			ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
			AtomicLong rejected = new AtomicLong();
			for (int m = 0; m < messages; m++) {
				String json = Api.JSON.writeValueAsString(Map.of("id", "flood-" + m, "originator", "61412345678",
						"recipient", "61480000001", "body", "Flood " + m));
				List<CompletableFuture<Void>> copies = new ArrayList<>();
				for (int copy = 0; copy < 5; copy++) {
					copies.add(CompletableFuture.runAsync(() -> {
						try {
							if (api.inbound(Bench.SIGNING_KEY, json) != 200) {
								rejected.incrementAndGet();
							}
						}
						catch (Exception ex) {
							rejected.incrementAndGet();
						}
					}, pool));
				}
				CompletableFuture.allOf(copies.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
			}
			try (MongoClient client = MongoClients.create(app.mongoUri())) {
				MongoDatabase db = client.getDatabase("recruitflow");
				long stored = db.getCollection("messages").countDocuments(new Document("direction", "INBOUND"));
				long notified = db.getCollection("notifications").countDocuments();
				System.out.printf("  deliveries %d, rejected %d; stored %d (expected %d); notifications %d (expected %d)%n",
						messages * 5, rejected.get(), stored, messages, notified, messages);
				if (stored != messages || notified != messages || rejected.get() > 0) {
					this.failed = true;
				}
			}
		}
	}

	// ---------------------------------------------------------------- shared

	record Setup(String apiKey, String ctaId) {
	}

	private Setup setUp(Api api, AppProcess app) throws Exception {
		String admin = api.login("admin@acme.test", Bench.DEMO_PASSWORD);
		String apiKey = api.graphql(admin, "mutation { createApiKey(input: {name: \"Chaos\"}) { secret } }", null)
			.at("/createApiKey/secret").asText();
		ObjectId ctaId = new ObjectId();
		String janeId;
		try (MongoClient client = MongoClients.create(app.mongoUri())) {
			MongoDatabase db = client.getDatabase("recruitflow");
			Document acme = db.getCollection("accounts").find(new Document("name", "Acme Talent")).first();
			this.creditsSetAt = new Date();
			db.getCollection("accounts").updateOne(new Document("_id", acme.get("_id")),
					new Document("$set", new Document("credits", STARTING_CREDITS)));
			db.getCollection("webCampaigns").insertOne(new Document("accountId", acme.get("_id").toString())
				.append("name", "Chaos campaign").append("ctas", List.of(new Document("_id", ctaId).append("label", "Chaos CTA"))));
			janeId = db.getCollection("users").find(new Document("email", "jane@acme.test")).first().get("_id").toString();
		}
		String templateId = api.graphql(admin, """
				mutation { createChatTemplate(input: {name: "Chaos", body: "Hi {{candidate.firstName}}, about {{job.title}}: thanks!"}) { id } }""",
				null).at("/createChatTemplate/id").asText();
		String workflowId = api.graphql(admin, "mutation($input: WorkflowInput!) { createWorkflow(input: $input) { id } }",
				Map.of("input", Map.of("name", "Chaos workflow", "trigger", Map.of("type", "CTA_COMPLETED", "ctaId", ctaId.toHexString()))))
			.at("/createWorkflow/id").asText();
		api.graphql(admin, "mutation($id: ID!, $input: WorkflowStepInput!) { addWorkflowStep(workflowId: $id, input: $input) { id } }",
				Map.of("id", workflowId, "input", Map.of("kind", "CHAT_MESSAGE", "senderUserId", janeId, "chatTemplateId", templateId)));
		return new Setup(apiKey, ctaId.toHexString());
	}

	private static boolean record(Api api, Setup setup, int i) {
		try {
			int candidate = i % 1000;
			HttpResponse<String> response = api.post(setup.apiKey,
					"mutation($input: CtaCompletionInput!) { recordCtaCompletion(input: $input) { duplicate } }",
					Map.of("input", Map.of("eventId", "chaos-" + i, "ctaId", setup.ctaId, "jobTitle", "evt-" + i,
							"candidate", Map.of("externalId", "C-" + candidate, "firstName", "Cand" + candidate,
									"mobile", "+614" + String.format("%08d", 30_000_000 + candidate)))));
			return response.statusCode() == 200 && !response.body().contains("\"errors\"");
		}
		catch (Exception unavailable) {
			return false;
		}
	}

	/** Waits until every step has reached a final state and the provider has been quiet for a while. */
	private static void settle(AppProcess app) throws Exception {
		try (MongoClient client = MongoClients.create(app.mongoUri())) {
			MongoDatabase db = client.getDatabase("recruitflow");
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
			while (System.nanoTime() < deadline) {
				long open = db.getCollection("stepExecutions").countDocuments(new Document("state", new Document("$nin", FINAL)));
				long unprocessed = db.getCollection("triggerEvents").countDocuments(new Document("processedAt", null));
				if (open == 0 && unprocessed == 0) {
					break;
				}
				sleep(500);
			}
			sleep(2000);
		}
	}

	private void compare(MessageBirdStub stub, AppProcess app, int events, String scenario) throws Exception {
		Map<Integer, Integer> received = new HashMap<>();
		for (MessageBirdStub.Received sms : stub.accepted()) {
			Matcher tag = EVENT_TAG.matcher(sms.body());
			if (tag.find()) {
				received.merge(Integer.parseInt(tag.group(1)), 1, Integer::sum);
			}
		}
		long duplicates = received.values().stream().filter(count -> count > 1).count();
		long missing = 0;
		for (int i = 0; i < events; i++) {
			if (!received.containsKey(i)) {
				missing++;
			}
		}
		long unconfirmed;
		long dead;
		try (MongoClient client = MongoClients.create(app.mongoUri())) {
			MongoDatabase db = client.getDatabase("recruitflow");
			unconfirmed = db.getCollection("stepExecutions").countDocuments(new Document("state", "UNCONFIRMED"));
			dead = db.getCollection("stepExecutions").countDocuments(new Document("state", "DEAD"));
		}
		System.out.printf("  expected %d, received %d, duplicates %d, missing %d (of which unconfirmed, visible to recruiters: %d; dead: %d)%n",
				events, received.size(), duplicates, missing, unconfirmed, dead);
		if (duplicates > 0 || missing > unconfirmed) {
			this.failed = true;
			System.out.println("  FAILED (" + scenario + ")");
		}
	}

	/**
	 * Every SMS paid once, every given-up one refunded: the credits taken equal the credits of the
	 * steps that were sent (or are held unconfirmed), the ledger says the same, and no operation is
	 * left unsettled on the account.
	 */
	private void compareCredits(AppProcess app, String scenario) {
		try (MongoClient client = MongoClients.create(app.mongoUri())) {
			MongoDatabase db = client.getDatabase("recruitflow");
			Document acme = db.getCollection("accounts").find(new Document("name", "Acme Talent")).first();
			long taken = STARTING_CREDITS - acme.get("credits", Number.class).longValue();
			long owed = 0;
			for (Document step : db.getCollection("stepExecutions")
				.find(new Document("state", new Document("$in", List.of("SENT", "UNCONFIRMED"))))) {
				Document sms = step.get("sms", Document.class);
				owed += sms == null ? 0 : sms.get("credits", Number.class).longValue();
			}
			long ledger = 0;
			for (Document entry : db.getCollection("creditLedger")
				.find(new Document("accountId", acme.get("_id").toString()).append("at", new Document("$gte", this.creditsSetAt)))) {
				ledger -= entry.get("delta", Number.class).longValue();
			}
			// A pending operation's key is also in the unsettled list while it is pending: count each once.
			Set<String> inFlight = new HashSet<>(acme.get("pendingCredits", new Document()).keySet());
			inFlight.addAll(acme.getList("unsettledCreditOperations", String.class, List.of()));
			int unsettled = inFlight.size();
			System.out.printf("  credits: taken %d, owed for the SMS sent %d, ledger %d, unsettled operations %d%n", taken, owed,
					ledger, unsettled);
			if (taken != owed || ledger != owed || unsettled != 0) {
				this.failed = true;
				System.out.println("  FAILED (" + scenario + " credits)");
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
