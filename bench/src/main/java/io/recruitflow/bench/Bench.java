package io.recruitflow.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.messagebird.MessageBirdClient;
import com.messagebird.MessageBirdServiceImpl;
import com.messagebird.objects.Message;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * {@code make bench}: measures the packaged app on this machine and prints figures with their
 * ceilings and the targets they meet or miss. Sizes can be scaled down with {@code --quick}.
 */
public final class Bench {

	static final String DEMO_PASSWORD = "recruitflow-demo";

	static final String SIGNING_KEY = "bench-signing-key-of-at-least-32-bytes";

	/** Events per request in the batched intake run: what an ATS syncing a backlog would send. */
	private static final int INTAKE_BATCH = 25;

	/**
	 * The live inbox warms up in rounds until the app's JIT compiler threads use under this share
	 * of a core in a round: in a full run at 40 webhooks a second they were still compiling (half a
	 * core) for a minute after a 1,000-webhook warm-up, and the measured run paid for it.
	 */
	private static final double WARM_COMPILER_SHARE = 0.05;

	/** The live inbox warms up in rounds of this many seconds of webhooks. */
	private static final double WARM_UP_ROUND_SECONDS = 10;

	private static final int WARM_UP_MAX_ROUNDS = 18;

	private static final Pattern EVENT_TAG = Pattern.compile("about evt-(\\d+):");

	private final boolean quick;

	private final Map<String, Object> results = new LinkedHashMap<>();

	private final List<String> summary = new ArrayList<>();

	private final Map<String, Stats> chart = new LinkedHashMap<>();

	private final List<Target> targets = new ArrayList<>();

	record Target(String name, boolean met, String figure) {
	}

	/** Scenarios to run: trigger, reply, reads; all when empty. */
	private final List<String> only;

	/** Inbound webhooks per second in the reply scenario. */
	private final double replyRate;

	private Bench(boolean quick, List<String> only, double replyRate) {
		this.quick = quick;
		this.only = only;
		this.replyRate = replyRate > 0 ? replyRate : quick ? 50 : 100;
	}

	/**
	 * {@code --quick} for a tenth of the sizes; {@code --only=reads,reply} to run some scenarios while
	 * profiling; {@code --reply-rate=20} for another rate of inbound webhooks than 100 (50 quick) a second.
	 */
	public static void main(String[] args) throws Exception {
		List<String> only = List.of(args).stream().filter(arg -> arg.startsWith("--only="))
			.flatMap(arg -> List.of(arg.substring("--only=".length()).split(",")).stream()).toList();
		double replyRate = List.of(args).stream().filter(arg -> arg.startsWith("--reply-rate="))
			.mapToDouble(arg -> Double.parseDouble(arg.substring("--reply-rate=".length()))).findFirst().orElse(0);
		new Bench(List.of(args).contains("--quick"), only, replyRate).run();
	}

	private boolean runs(String scenario) {
		return this.only.isEmpty() || this.only.contains(scenario);
	}

	private int scale(int full) {
		return this.quick ? Math.max(10, full / 10) : full;
	}

	private void run() throws Exception {
		String started = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
		try (MessageBirdStub stub = new MessageBirdStub();
				AppProcess app = new AppProcess(AppProcess.findJar(), Map.of("MESSAGEBIRD_ACCESS_KEY", "bench-key",
						"MESSAGEBIRD_BASE_URL", "", "MESSAGEBIRD_SIGNING_KEY", SIGNING_KEY))) {
			Map<String, String> env = new LinkedHashMap<>();
			line("RecruitFlow benchmark — " + Runtime.getRuntime().availableProcessors() + " cores, "
					+ (this.quick ? "quick sizes" : "full sizes"));
			double rawCeiling = runs("trigger") ? rawSendCeiling(stub, 16, scale(5000)) : 0;
			app.startWith("MESSAGEBIRD_BASE_URL", stub.baseUrl());
			Api api = new Api(app.baseUrl());
			try (MongoClient mongoClient = MongoClients.create(app.mongoUri())) {
				MongoDatabase db = mongoClient.getDatabase("recruitflow");
				Setup setup = setUp(api, db);
				if (runs("trigger")) {
					double trivialCeiling = trivialMutationCeiling(api, app, setup.adminToken, 16, scale(5000));
					app.resetPeak();
					triggerToSms(api, db, stub, app, setup, scale(10_000), 16, rawCeiling, trivialCeiling);
				}
				if (runs("reply")) {
					app.resetPeak();
					replyToLiveInbox(api, db, app, scale(1000), 10, scale(5000));
				}
				if (runs("reads")) {
					app.resetPeak();
					reads(api, db, app, setup, scale(100_000), scale(10_000));
				}
				liveHeap(app);
			}
			report(started);
		}
	}

	/** The heap the app keeps with every scenario's data stored, after a full collection. */
	private void liveHeap(AppProcess app) throws Exception {
		AppProcess.LiveHeap live = app.liveHeap();
		if (live == null) {
			return;
		}
		line("");
		line(String.format("Live heap after the scenarios (a full collection, jcmd GC.class_histogram): %.1f MB in %,d objects",
				live.bytes() / 1048576.0, live.objects()));
		line("  largest: " + live.largest().stream()
			.limit(5)
			.map(held -> String.format("%s %.1f MB", held.className(), held.bytes() / 1048576.0))
			.collect(Collectors.joining(", ")));
		List<Map<String, Object>> largest = live.largest().stream()
			.map(held -> Map.<String, Object>of("class", held.className(), "instances", held.instances(),
					"mb", Stats.round(held.bytes() / 1048576.0)))
			.toList();
		this.results.put("liveHeapAfterScenarios",
				Map.of("mb", Stats.round(live.bytes() / 1048576.0), "objects", live.objects(), "largestClasses", largest));
	}

	// ---------------------------------------------------------------- set-up

	record Setup(String adminToken, String apiKey, String janeId, List<String> ctaIds, String workflowId,
			String acmeId) {
	}

	private Setup setUp(Api api, MongoDatabase db) throws Exception {
		String admin = api.login("admin@acme.test", DEMO_PASSWORD);
		String apiKey = api.graphql(admin, "mutation { createApiKey(input: {name: \"Benchmark\"}) { secret } }", null)
			.at("/createApiKey/secret").asText();
		Document acme = db.getCollection("accounts").find(new Document("name", "Acme Talent")).first();
		String acmeId = acme.get("_id").toString();
		db.getCollection("accounts").updateOne(new Document("_id", acme.get("_id")),
				new Document("$set", new Document("credits", 100_000_000L)));
		List<Document> ctas = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			ctas.add(new Document("_id", new ObjectId()).append("label", "Bench CTA " + i));
		}
		db.getCollection("webCampaigns").insertOne(new Document("accountId", acmeId).append("name", "Bench campaign")
			.append("ctas", ctas).append("createdAt", new Date()));
		for (JsonNode workflow : api.graphql(admin, "{ workflows(status: ACTIVE) { id } }", null).get("workflows")) {
			api.graphql(admin, "mutation($id: ID!) { pauseWorkflow(id: $id) { id } }", Map.of("id", workflow.get("id").asText()));
		}
		String janeId = api.graphql(admin, "{ users { id email } }", null).get("users").findParents("email").stream()
			.filter(user -> user.get("email").asText().equals("jane@acme.test")).findFirst().orElseThrow().get("id").asText();
		String templateId = api.graphql(admin, """
				mutation { createChatTemplate(input: {name: "Bench", body: "Hi {{candidate.firstName}}, about {{job.title}}: thanks! {{optOut}}"}) { id } }""",
				null).at("/createChatTemplate/id").asText();
		List<String> ctaIds = ctas.stream().map(cta -> cta.get("_id").toString()).toList();
		String firstWorkflow = null;
		for (int i = 0; i < ctaIds.size(); i++) {
			String id = api.graphql(admin, "mutation($input: WorkflowInput!) { createWorkflow(input: $input) { id } }",
					Map.of("input", Map.of("name", "Bench workflow " + (i + 1), "trigger",
							Map.of("type", "CTA_COMPLETED", "ctaId", ctaIds.get(i)))))
				.at("/createWorkflow/id").asText();
			api.graphql(admin, "mutation($id: ID!, $input: WorkflowStepInput!) { addWorkflowStep(workflowId: $id, input: $input) { id } }",
					Map.of("id", id, "input", Map.of("kind", "CHAT_MESSAGE", "senderUserId", janeId, "chatTemplateId", templateId)));
			firstWorkflow = firstWorkflow == null ? id : firstWorkflow;
		}
		return new Setup(admin, apiKey, janeId, ctaIds, firstWorkflow, acmeId);
	}

	// ---------------------------------------------------------------- ceilings

	/**
	 * The same SDK, the same stub, the same concurrency, without the app. Warmed up first, as the
	 * app is before each measured run: a cold ceiling would flatter the ratio.
	 */
	private double rawSendCeiling(MessageBirdStub stub, int clients, int messages) throws Exception {
		MessageBirdClient client = new MessageBirdClient(new MessageBirdServiceImpl("bench-key", stub.baseUrl()));
		sendRaw(client, clients, -Math.max(200, messages / 5), 0);
		long start = System.nanoTime();
		sendRaw(client, clients, 0, messages);
		double perSecond = messages / seconds(start);
		stub.clear();
		line(String.format("Raw send ceiling (SDK → stub, %d clients): %.0f SMS/s", clients, perSecond));
		this.results.put("rawSendCeilingPerSecond", Stats.round(perSecond));
		return perSecond;
	}

	/** Sends messages numbered [from, to) through the SDK alone. */
	private static void sendRaw(MessageBirdClient client, int clients, int from, int to) throws Exception {
		AtomicInteger next = new AtomicInteger(from);
		runClients(clients, () -> {
			int i;
			while ((i = next.getAndIncrement()) < to) {
				Message message = new Message("+61480000001", "Ceiling " + i,
						"61412" + String.format("%06d", Math.floorMod(i, 1_000_000)));
				message.setReference("ceiling-" + i);
				client.sendMessage(message);
			}
		});
	}

	/** Warmed up first, like the raw send ceiling. */
	private double trivialMutationCeiling(Api api, AppProcess app, String token, int clients, int requests) throws Exception {
		AtomicInteger warm = new AtomicInteger();
		int warmUp = Math.max(200, requests / 5);
		runClients(clients, () -> {
			while (warm.getAndIncrement() < warmUp) {
				api.graphql(token, "mutation { markAllNotificationsRead }", null);
			}
		});
		AtomicInteger next = new AtomicInteger();
		long cpuBefore = app.cpuMillis();
		long start = System.nanoTime();
		runClients(clients, () -> {
			while (next.getAndIncrement() < requests) {
				api.graphql(token, "mutation { markAllNotificationsRead }", null);
			}
		});
		double perSecond = requests / seconds(start);
		double cpuPerRequest = (app.cpuMillis() - cpuBefore) / (double) requests;
		line(String.format("Trivial authenticated mutation ceiling (%d clients): %.0f requests/s, app CPU %.1f ms each", clients,
				perSecond, cpuPerRequest));
		this.results.put("trivialMutationAppCpuMillis", Stats.round(cpuPerRequest * 10) / 10);
		this.results.put("trivialMutationCeilingPerSecond", Stats.round(perSecond));
		return perSecond;
	}

	/**
	 * Replies that are not measured (their bodies carry no message tag), at the measured rate, so
	 * that the JIT has compiled the webhook and delivery paths before the measured run.
	 */
	private void warmUpUntilCompiled(Api api, AppProcess app, List<String> numbers, int accounts, int atLeast,
			double rate, ExecutorService senders) throws Exception {
		int perRound = (int) Math.max(100, rate * WARM_UP_ROUND_SECONDS);
		int sent = 0;
		int rounds = 0;
		double compilerShare;
		do {
			long compilerBefore = app.compilerCpuMillis();
			long start = System.nanoTime();
			warmUp(api, numbers, accounts, sent, perRound, rate, senders);
			compilerShare = (app.compilerCpuMillis() - compilerBefore) / ((System.nanoTime() - start) / 1e6);
			sent += perRound;
			rounds++;
		}
		while ((sent < atLeast || compilerShare > WARM_COMPILER_SHARE) && rounds < WARM_UP_MAX_ROUNDS);
		line(String.format("  warm-up: %d webhooks, until the JIT compiler used %.0f %% of a core (%s %.0f %%)", sent,
				100 * compilerShare, compilerShare > WARM_COMPILER_SHARE ? "still over" : "under", 100 * WARM_COMPILER_SHARE));
	}

	/** One round of warm-up replies, numbered from first. */
	private static void warmUp(Api api, List<String> numbers, int accounts, int first, int webhooks, double rate,
			ExecutorService senders) throws Exception {
		List<CompletableFuture<?>> posts = new ArrayList<>();
		long start = System.nanoTime();
		for (int m = 0; m < webhooks; m++) {
			long wait = start + (long) (m / rate * 1e9) - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			int id = first + m;
			String json = Api.JSON.writeValueAsString(Map.of("id", "bench-warm-" + id, "originator",
					"614" + String.format("%08d", 20_000_000 + (id % 50)), "recipient",
					numbers.get(id % accounts).substring(1), "body", "Warm-up reply " + id));
			posts.add(CompletableFuture.runAsync(() -> {
				try {
					api.inbound(SIGNING_KEY, json);
				}
				catch (Exception ignored) {
					// Warm-up only: the measured run counts errors.
				}
			}, senders));
		}
		CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
		Thread.sleep(1000);
	}

	// ---------------------------------------------------------------- trigger → SMS

	private void triggerToSms(Api api, MongoDatabase db, MessageBirdStub stub, AppProcess app, Setup setup, int events,
			int clients, double rawCeiling, double trivialCeiling) throws Exception {
		line("");
		line("Trigger → SMS: " + events + " CTA completions from " + clients + " clients, 5 workflows, 1,000 candidates");
		// Warm-up, not measured: a just-started JVM spends seconds compiling the hot paths, which a
		// running app has long done. Its events have their own ids, after those measured below. One
		// round only, unlike the live inbox: here the compiler never falls quiet (a quarter of a core
		// after ten rounds), and every extra event stays stored and in the embedded store's indexes on
		// the capped heap, which the later scenarios then pay for in GC. The summary prints the JIT's
		// part of the measured CPU instead.
		sendEvents(api, stub, setup, 2 * events, Math.max(100, events / 10), clients, 0);
		app.resetGcCounts();
		long cpuBefore = app.cpuMillis();
		long compilerBefore = app.compilerCpuMillis();
		Map<String, Long> workBefore = app.cpuMillisByWork();
		MachineCpu machineBefore = MachineCpu.now();
		Run full = sendEvents(api, stub, setup, 0, events, clients, 0);
		double cpuPerEvent = (app.cpuMillis() - cpuBefore) / (double) events;
		Map<String, Long> workShares = shares(workBefore, app.cpuMillisByWork());
		MachineCpu machineAfter = MachineCpu.now();
		double compilerPerEvent = (app.compilerCpuMillis() - compilerBefore) / (double) events;
		double sustainable = Math.min(full.acceptedPerSecond, full.smsPerSecond);
		int halfEvents = Math.max(10, events / 5);
		Run half = sendEvents(api, stub, setup, events, halfEvents, clients, sustainable / 2);
		line(String.format("  full load: accepted %.0f events/s, SMS at stub %.0f/s, errors %d, latency %s", full.acceptedPerSecond,
				full.smsPerSecond, full.errors, full.latency));
		line(String.format("  half load (%.0f events/s): latency %s", sustainable / 2, half.latency));
		double sendRatio = full.smsPerSecond / rawCeiling;
		double intakeRatio = full.acceptedPerSecond / trivialCeiling;
		line(String.format("  ratios: SMS dispatch / raw send ceiling %.2f; intake / trivial mutation ceiling %.2f",
				sendRatio, intakeRatio));
		line(String.format("  with one event per request the dispatch ratio cannot pass trivial mutation ceiling / raw send "
				+ "ceiling = %.2f", trivialCeiling / rawCeiling));
		line(String.format("  app CPU per event (accepted and sent): %.1f ms, of it %.1f ms in the JIT compiler", cpuPerEvent,
				compilerPerEvent));
		line("  app CPU by thread, full load: " + describe(workShares));
		line(beside(machineBefore, machineAfter, events, "event"));
		int batchedEvents = Math.max(100, events / 2);
		long batchedCpuBefore = app.cpuMillis();
		Run batched = sendEvents(api, stub, setup, 3 * events, batchedEvents, clients, 0, INTAKE_BATCH);
		double batchedCpuPerEvent = (app.cpuMillis() - batchedCpuBefore) / (double) batchedEvents;
		double batchedRatio = batched.smsPerSecond / rawCeiling;
		// No latency here: an event's SMS can arrive before the response for its whole batch.
		line(String.format("  batched intake (%d events, %d per recordCtaCompletions request): accepted %.0f events/s, SMS at "
				+ "stub %.0f/s (ratio to raw send ceiling %.2f), errors %d, app CPU per event %.1f ms", batchedEvents,
				INTAKE_BATCH, batched.acceptedPerSecond, batched.smsPerSecond, batchedRatio, batched.errors, batchedCpuPerEvent));
		Drain drain = drainBacklog(db, stub, app, Math.max(100, events / 2));
		double drainRatio = drain.smsPerSecond / rawCeiling;
		line(String.format("  dispatch alone (%d Chat Message steps already due, no intake): %.0f SMS/s at the stub (ratio to "
				+ "raw send ceiling %.2f), sent %d, app CPU per SMS %.1f ms", drain.steps, drain.smsPerSecond, drainRatio,
				drain.sent, drain.cpuPerSms));
		line(memory(app));
		this.chart.put("trigger→SMS (full)", full.latency);
		this.chart.put("trigger→SMS (half)", half.latency);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("events", events);
		figures.put("acceptedPerSecond", Stats.round(full.acceptedPerSecond));
		figures.put("smsPerSecond", Stats.round(full.smsPerSecond));
		figures.put("errors", full.errors);
		figures.put("latencyFullLoad", full.latency.toMap());
		figures.put("latencyHalfLoad", half.latency.toMap());
		figures.put("dispatchToRawCeilingRatio", Stats.round(sendRatio * 100) / 100);
		figures.put("intakeToTrivialMutationRatio", Stats.round(intakeRatio * 100) / 100);
		figures.put("appCpuMillisPerEvent", Stats.round(cpuPerEvent * 10) / 10);
		figures.put("jitCompilerCpuMillisPerEvent", Stats.round(compilerPerEvent * 10) / 10);
		figures.put("appCpuPercentByThread", workShares);
		figures.put("benchmarkCpuMillisPerEvent", Stats.round(machineAfter.benchmarkMillisPer(machineBefore, events)));
		figures.put("machineBusyPercent", machineAfter.busyPercentSince(machineBefore));
		figures.put("oneEventPerRequestRatioBound", Stats.round(trivialCeiling / rawCeiling * 100) / 100);
		figures.put("batchedIntake", Map.of("events", batchedEvents, "perRequest", INTAKE_BATCH, "acceptedPerSecond",
				Stats.round(batched.acceptedPerSecond), "smsPerSecond", Stats.round(batched.smsPerSecond),
				"dispatchToRawCeilingRatio", Stats.round(batchedRatio * 100) / 100, "errors", batched.errors,
				"appCpuMillisPerEvent", Stats.round(batchedCpuPerEvent * 10) / 10));
		figures.put("dispatchAlone", Map.of("steps", drain.steps, "sent", drain.sent, "smsPerSecond",
				Stats.round(drain.smsPerSecond), "dispatchToRawCeilingRatio", Stats.round(drainRatio * 100) / 100,
				"appCpuMillisPerSms", Stats.round(drain.cpuPerSms * 10) / 10));
		figures.put("peakRssMb", app.peakRssMb());
		figures.put("peakHeapUsedMb", app.peakHeapMb());
		figures.put("peakHeapCommittedMb", app.peakHeapCommittedMb());
		figures.put("gcPauses", app.gcPauses());
		figures.put("gcPauseMillis", app.gcPauseMillis());
		this.results.put("triggerToSms", figures);
		this.targets.add(new Target("SMS dispatch ≥ 0.5 × raw send ceiling", sendRatio >= 0.5, String.format("%.2f", sendRatio)));
		this.targets.add(new Target("p99 trigger → SMS ≤ 250 ms at half load", half.latency.p99() <= 250,
				String.format("%.0f ms", half.latency.p99())));
		this.targets.add(new Target("app RSS ≤ 768 MB (trigger → SMS)", app.peakRssMb() <= 768, app.peakRssMb() + " MB"));
	}

	record Run(double acceptedPerSecond, double smsPerSecond, long errors, Stats latency) {
	}

	record Drain(int steps, int sent, double smsPerSecond, double cpuPerSms) {
	}

	/**
	 * The dispatcher without intake competing for the cores: copies of {@code steps} Chat Message
	 * steps the measured run sent (same workflows, candidates and template), stored PENDING with
	 * their runs and all due at one moment a few seconds ahead, as a Wait step's would be. Measured
	 * from that moment to the last SMS at the stub, so the workers' ramp-up counts.
	 */
	private Drain drainBacklog(MongoDatabase db, MessageBirdStub stub, AppProcess app, int steps) throws Exception {
		MongoCollection<Document> stepCollection = db.getCollection("stepExecutions");
		MongoCollection<Document> runCollection = db.getCollection("workflowRuns");
		List<Document> sent = stepCollection.find(new Document("state", "SENT").append("kind", "CHAT_MESSAGE"))
			.limit(steps).into(new ArrayList<>());
		Map<String, Document> runsById = new LinkedHashMap<>();
		runCollection.find(new Document("_id", new Document("$in", sent.stream().map(step -> step.getString("runId")).toList())))
			.forEach(run -> runsById.put(run.getString("_id"), run));
		Date now = new Date();
		List<Document> copies = new ArrayList<>();
		List<Document> runs = new ArrayList<>();
		for (int i = 0; i < sent.size(); i++) {
			Document original = sent.get(i);
			String triggerEventId = new ObjectId().toHexString();
			String runId = triggerEventId + ":" + original.getString("workflowId");
			Document run = runsById.get(original.getString("runId"));
			if (run != null) {
				runs.add(new Document(run).append("_id", runId).append("triggerEventId", triggerEventId)
					.append("eventId", "drain-" + i).append("state", "PENDING").append("startedAt", now).append("updatedAt", now));
			}
			Document copy = new Document(original).append("_id", new ObjectId()).append("runId", runId)
				.append("triggerEventId", triggerEventId).append("state", "PENDING")
				.append("attempts", 0).append("generation", 0).append("reconcileAttempts", 0)
				.append("createdAt", now).append("updatedAt", now);
			for (String field : List.of("owner", "leaseUntil", "reason", "lastError", "sms", "sendingSince",
					"providerMessageId", "messageId")) {
				copy.remove(field);
			}
			copies.add(copy);
		}
		// Set once everything is built, so that only storing the backlog counts against the 5 s.
		Date dueAt = new Date(System.currentTimeMillis() + 5_000);
		copies.forEach(copy -> copy.append("dueAt", dueAt));
		stub.clear();
		if (!runs.isEmpty()) {
			runCollection.insertMany(runs);
		}
		stepCollection.insertMany(copies);
		long dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(dueAt.getTime() - System.currentTimeMillis());
		if (dueNanos < System.nanoTime()) {
			line("  (storing the backlog took longer than the 5 s before it fell due: the figure below is low)");
		}
		TimeUnit.NANOSECONDS.sleep(Math.max(0, dueNanos - System.nanoTime()));
		long cpuBefore = app.cpuMillis();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		while (stub.accepted().size() < copies.size() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		List<MessageBirdStub.Received> received = stub.accepted();
		long lastArrival = received.stream().mapToLong(MessageBirdStub.Received::arrivalNanos).max().orElse(dueNanos);
		double cpuPerSms = (app.cpuMillis() - cpuBefore) / (double) Math.max(1, received.size());
		return new Drain(copies.size(), received.size(),
				received.size() / Math.max(1e-3, (lastArrival - dueNanos) / 1e9), cpuPerSms);
	}

	/** Sends events [from, from + count), one per request, paced to {@code rate} per second when rate > 0. */
	private Run sendEvents(Api api, MessageBirdStub stub, Setup setup, int from, int count, int clients, double rate)
			throws Exception {
		return sendEvents(api, stub, setup, from, count, clients, rate, 1);
	}

	/** As above, {@code batch} events per request (the batch mutation when more than one). */
	private Run sendEvents(Api api, MessageBirdStub stub, Setup setup, int from, int count, int clients, double rate,
			int batch) throws Exception {
		stub.clear();
		Map<Integer, Long> acceptedAt = new ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger(from);
		AtomicLong errors = new AtomicLong();
		long start = System.nanoTime();
		runClients(clients, () -> {
			int first;
			while ((first = next.getAndAdd(batch)) < from + count) {
				if (rate > 0) {
					long due = start + (long) ((first - from) / rate * 1e9);
					long wait = due - System.nanoTime();
					if (wait > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
				}
				List<Map<String, Object>> inputs = new ArrayList<>();
				for (int i = first; i < Math.min(first + batch, from + count); i++) {
					int candidate = i % 1000;
					inputs.add(Map.of("eventId", "bench-" + i, "ctaId", setup.ctaIds.get(i % setup.ctaIds.size()),
							"jobTitle", "evt-" + i, "candidate", Map.of("externalId", "B-" + candidate, "firstName",
									"Cand" + candidate, "mobile", "+614" + String.format("%08d", 10_000_000 + candidate))));
				}
				if (batch == 1) {
					HttpResponse<String> response = api.post(setup.apiKey,
							"mutation($input: CtaCompletionInput!) { recordCtaCompletion(input: $input) { duplicate } }",
							Map.of("input", inputs.getFirst()));
					if (response.statusCode() == 200 && !response.body().contains("\"errors\"")) {
						acceptedAt.put(first, System.nanoTime());
					}
					else {
						errors.incrementAndGet();
					}
					continue;
				}
				HttpResponse<String> response = api.post(setup.apiKey,
						"mutation($inputs: [CtaCompletionInput!]!) { recordCtaCompletions(inputs: $inputs) { eventId error } }",
						Map.of("inputs", inputs));
				long at = System.nanoTime();
				JsonNode results = response.statusCode() == 200 ? Api.JSON.readTree(response.body()).at("/data/recordCtaCompletions")
						: null;
				for (int k = 0; k < inputs.size(); k++) {
					if (results != null && results.has(k) && results.get(k).get("error").isNull()) {
						acceptedAt.put(first + k, at);
					}
					else {
						errors.incrementAndGet();
					}
				}
			}
		});
		double acceptedPerSecond = acceptedAt.size() / seconds(start);
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		while (stub.accepted().size() < acceptedAt.size() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		List<MessageBirdStub.Received> received = stub.accepted();
		List<Double> latencies = new ArrayList<>();
		long firstArrival = Long.MAX_VALUE;
		long lastArrival = 0;
		for (MessageBirdStub.Received sms : received) {
			Matcher tag = EVENT_TAG.matcher(sms.body());
			if (tag.find() && acceptedAt.containsKey(Integer.parseInt(tag.group(1)))) {
				latencies.add((sms.arrivalNanos() - acceptedAt.get(Integer.parseInt(tag.group(1)))) / 1e6);
			}
			firstArrival = Math.min(firstArrival, sms.arrivalNanos());
			lastArrival = Math.max(lastArrival, sms.arrivalNanos());
		}
		double smsPerSecond = received.size() / Math.max(1e-3, (lastArrival - Math.min(firstArrival, start)) / 1e9);
		long missing = acceptedAt.size() - received.size();
		return new Run(acceptedPerSecond, smsPerSecond, errors.get() + Math.max(0, missing), Stats.of(latencies));
	}

	// ---------------------------------------------------------------- reply → live inbox

	private void replyToLiveInbox(Api api, MongoDatabase db, AppProcess app, int subscribers, int accounts, int webhooks)
			throws Exception {
		line("");
		line("Reply → live inbox: " + subscribers + " graphql-ws subscribers over " + accounts + " accounts, "
				+ webhooks + " signed inbound webhooks at " + String.format("%.0f", this.replyRate) + "/s");
		String passwordHash = db.getCollection("users").find(new Document("email", "admin@acme.test")).first()
			.getString("passwordHash");
		List<String> numbers = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		List<String> accountIds = new ArrayList<>();
		for (int a = 0; a < accounts; a++) {
			ObjectId accountId = new ObjectId();
			accountIds.add(accountId.toHexString());
			String number = "+614810000" + String.format("%02d", a);
			db.getCollection("accounts").insertOne(new Document("_id", accountId).append("name", "Bench Co " + a)
				.append("companyNumber", number).append("credits", 1000L).append("timezone", "Australia/Sydney")
				.append("country", "AU").append("atsStatuses", List.of("New")).append("createdAt", new Date()));
			db.getCollection("users").insertOne(new Document("accountId", accountId.toHexString()).append("name", "Admin " + a)
				.append("email", "admin-" + a + "@bench.test").append("passwordHash", passwordHash).append("role", "ADMIN")
				.append("active", true).append("createdAt", new Date()));
			numbers.add(number);
			tokens.add(api.login("admin-" + a + "@bench.test", DEMO_PASSWORD));
		}
		Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
		ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
		AtomicLong misrouted = new AtomicLong();
		AtomicLong received = new AtomicLong();
		List<WebSocket> sockets = new ArrayList<>();
		Pattern tag = Pattern.compile("acct-(\\d+) msg-(\\d+)");
		CountDownLatch acked = new CountDownLatch(subscribers);
		// Where deliveries go missing: whole subscribers, whole webhooks, or streams the server ended.
		AtomicIntegerArray perSubscriber = new AtomicIntegerArray(subscribers);
		AtomicIntegerArray perWebhook = new AtomicIntegerArray(webhooks);
		AtomicInteger streamsEnded = new AtomicInteger();
		AtomicReference<String> firstEnding = new AtomicReference<>();
		for (int s = 0; s < subscribers; s++) {
			int account = s % accounts;
			int subscriber = s;
			sockets.add(api.http.newWebSocketBuilder()
				.subprotocols("graphql-transport-ws")
				.buildAsync(URI.create(app.baseUrl().replace("http", "ws") + "/graphql"), new WebSocket.Listener() {
					private final StringBuilder partial = new StringBuilder();

					/**
					 * The JDK's WebSocket refuses a send while another is still going out: the subscribe
					 * sent on connection_ack could find connection_init not yet finished, and that
					 * subscriber then silently heard nothing. Each send waits for the one before.
					 */
					private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

					private synchronized void send(WebSocket socket, String text) {
						this.lastSend = this.lastSend.handle((done, failed) -> null)
							.thenCompose(ignored -> socket.sendText(text, true))
							.whenComplete((done, failed) -> {
								if (failed != null) {
									streamsEnded.incrementAndGet();
									firstEnding.compareAndSet(null, "send failed: " + failed);
								}
							});
					}

					@Override
					public void onOpen(WebSocket socket) {
						send(socket, "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + tokens.get(account) + "\"}}");
						socket.request(1);
					}

					@Override
					public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
						this.partial.append(data);
						if (last) {
							String message = this.partial.toString();
							this.partial.setLength(0);
							long now = System.nanoTime();
							if (message.contains("connection_ack")) {
								send(socket, "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { inboxMessageReceived { message { body } } }\"}}");
								acked.countDown();
							}
							else if (message.contains("\"ping\"")) {
								send(socket, "{\"type\":\"pong\"}");
							}
							else {
								Matcher found = tag.matcher(message);
								if (message.contains("\"type\":\"error\"") || message.contains("\"type\":\"complete\"")) {
									streamsEnded.incrementAndGet();
									firstEnding.compareAndSet(null, message);
								}
								else if (found.find()) {
									received.incrementAndGet();
									perSubscriber.incrementAndGet(subscriber);
									int webhook = Integer.parseInt(found.group(2));
									if (webhook < webhooks) {
										perWebhook.incrementAndGet(webhook);
									}
									if (Integer.parseInt(found.group(1)) != account) {
										misrouted.incrementAndGet();
									}
									Long sent = sentAt.get(Integer.parseInt(found.group(2)));
									if (sent != null) {
										latencies.add((now - sent) / 1e6);
									}
								}
							}
						}
						socket.request(1);
						return null;
					}

					@Override
					public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
						streamsEnded.incrementAndGet();
						firstEnding.compareAndSet(null, "closed " + statusCode + " " + reason);
						return null;
					}

					@Override
					public void onError(WebSocket socket, Throwable error) {
						streamsEnded.incrementAndGet();
						firstEnding.compareAndSet(null, "error " + error);
					}
				})
				.get(30, TimeUnit.SECONDS));
		}
		acked.await(60, TimeUnit.SECONDS);
		long connected = subscribers - acked.getCount();
		if (connected < subscribers) {
			line("  " + (subscribers - connected) + " of " + subscribers
					+ " subscribers got no connection_ack within 60 s; their events are not counted as lost");
		}
		Thread.sleep(1000);
		double rate = this.replyRate;
		ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
		warmUpUntilCompiled(api, app, numbers, accounts, Math.max(1000, webhooks / 10), rate, senders);
		app.resetGcCounts();
		long cpuBefore = app.cpuMillis();
		long compilerBefore = app.compilerCpuMillis();
		Map<String, Long> workBefore = app.cpuMillisByWork();
		MachineCpu machineBefore = MachineCpu.now();
		long start = System.nanoTime();
		AtomicLong webhookErrors = new AtomicLong();
		ConcurrentLinkedQueue<Double> webhookResponses = new ConcurrentLinkedQueue<>();
		List<CompletableFuture<?>> posts = new ArrayList<>();
		for (int m = 0; m < webhooks; m++) {
			long due = start + (long) (m / rate * 1e9);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			int account = m % accounts;
			int message = m;
			String json = Api.JSON.writeValueAsString(Map.of("id", "bench-in-" + m, "originator",
					"614" + String.format("%08d", 20_000_000 + (m % 50)), "recipient", numbers.get(account).substring(1),
					"body", "Reply acct-" + account + " msg-" + m));
			posts.add(CompletableFuture.runAsync(() -> {
				long posted = System.nanoTime();
				sentAt.put(message, posted);
				try {
					if (api.inbound(SIGNING_KEY, json) != 200) {
						webhookErrors.incrementAndGet();
					}
					webhookResponses.add((System.nanoTime() - posted) / 1e6);
				}
				catch (Exception ex) {
					webhookErrors.incrementAndGet();
				}
			}, senders));
		}
		try {
			CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
		}
		catch (java.util.concurrent.TimeoutException backlog) {
			long unanswered = posts.stream().filter(post -> !post.isDone()).count();
			webhookErrors.addAndGet(unanswered);
			line("  " + unanswered + " webhooks still unanswered after 5 minutes: the app fell behind the rate");
		}
		long expected = connected * (webhooks / accounts);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (received.get() < expected && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		Thread.sleep(500);
		double cpuPerWebhook = (app.cpuMillis() - cpuBefore) / (double) webhooks;
		double compilerPerWebhook = (app.compilerCpuMillis() - compilerBefore) / (double) webhooks;
		Map<String, Long> workShares = shares(workBefore, app.cpuMillisByWork());
		MachineCpu machineAfter = MachineCpu.now();
		long lost = Math.max(0, expected - (received.get() - misrouted.get()));
		long misroutedWebhooks = misrouted.get();
		long deliveries = received.get();
		Stats latency = Stats.of(latencies);
		line(String.format("  webhook → subscriber latency %s; deliveries %d of %d; lost %d; misrouted %d; webhook errors %d",
				latency, deliveries, expected, lost, misroutedWebhooks, webhookErrors.get()));
		if (lost > 0) {
			int silentSubscribers = 0;
			for (int i = 0; i < subscribers; i++) {
				silentSubscribers += perSubscriber.get(i) == 0 ? 1 : 0;
			}
			int unheardWebhooks = 0;
			for (int i = 0; i < webhooks; i++) {
				unheardWebhooks += perWebhook.get(i) == 0 ? 1 : 0;
			}
			line(String.format("  where: %d subscribers got nothing, %d webhooks reached nobody, %d streams ended by the server%s",
					silentSubscribers, unheardWebhooks, streamsEnded.get(),
					firstEnding.get() == null ? "" : " (first: " + firstEnding.get() + ")"));
		}
		Stats webhookResponse = Stats.of(new ArrayList<>(webhookResponses));
		line("  webhook response time " + webhookResponse);
		line(String.format("  app CPU per webhook (stored, notified, pushed to its account's subscribers): %.1f ms, of it "
				+ "%.1f ms in the JIT compiler", cpuPerWebhook, compilerPerWebhook));
		line("  app CPU by thread: " + describe(workShares));
		line(beside(machineBefore, machineAfter, webhooks, "webhook"));
		long peakRss = app.peakRssMb();
		line(memory(app));

		// Ceiling: the same subscribers, fed by a publisher that does nothing but publish — a live event
		// inserted for an already stored message, with no webhook, signature, routing or storage work.
		latencies.clear();
		received.set(0);
		misrouted.set(0);
		int ceilingBase = 1_000_000;
		List<String> conversations = new ArrayList<>();
		List<Document> conversationDocuments = new ArrayList<>();
		for (int a = 0; a < accounts; a++) {
			ObjectId conversation = new ObjectId();
			conversations.add(conversation.toHexString());
			Document stored = new Document("_id", conversation).append("accountId", accountIds.get(a))
				.append("candidateId", "ceiling-candidate-" + a).append("ourNumber", numbers.get(a))
				.append("lastMessageAt", new Date()).append("preview", "Ceiling").append("unread", 0);
			conversationDocuments.add(stored);
			db.getCollection("conversations").insertOne(stored);
		}
		List<Document> ceilingMessages = new ArrayList<>();
		for (int m = 0; m < webhooks; m++) {
			int account = m % accounts;
			ceilingMessages.add(new Document("_id", new ObjectId()).append("accountId", accountIds.get(account))
				.append("conversationId", conversations.get(account)).append("candidateId", "ceiling-candidate-" + account)
				.append("direction", "INBOUND").append("from", "+61420000000").append("to", numbers.get(account))
				.append("body", "Reply acct-" + account + " msg-" + (ceilingBase + m)).append("encoding", "GSM_7")
				.append("segments", 1).append("status", "RECEIVED").append("sandbox", false).append("createdAt", new Date()));
		}
		db.getCollection("messages").insertMany(ceilingMessages);
		MongoCollection<Document> liveEvents = db.getCollection("liveEvents");
		long ceilingCpuBefore = app.cpuMillis();
		MachineCpu ceilingMachineBefore = MachineCpu.now();
		long ceilingStart = System.nanoTime();
		for (int m = 0; m < webhooks; m++) {
			long wait = ceilingStart + (long) (m / rate * 1e9) - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			Document message = ceilingMessages.get(m);
			sentAt.put(ceilingBase + m, System.nanoTime());
			// The event as the app publishes it: with the message and its conversation, so delivery reads nothing.
			liveEvents.insertOne(new Document("kind", "INBOUND_MESSAGE").append("accountId", message.getString("accountId"))
				.append("messageId", message.getObjectId("_id").toHexString()).append("at", new Date())
				.append("message", message).append("conversation", conversationDocuments.get(m % accounts)));
		}
		deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (received.get() < expected && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		Thread.sleep(500);
		double ceilingCpuPerEvent = (app.cpuMillis() - ceilingCpuBefore) / (double) webhooks;
		MachineCpu ceilingMachineAfter = MachineCpu.now();
		sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
		Stats ceiling = Stats.of(latencies);
		long ceilingLost = Math.max(0, expected - (received.get() - misrouted.get()));
		line(String.format("  ceiling (same subscribers, no-op publisher: a live event per stored message) latency %s; "
				+ "deliveries %d of %d; lost %d; misrouted %d; app CPU %.1f ms per event", ceiling, received.get(), expected,
				ceilingLost, misrouted.get(), ceilingCpuPerEvent));
		line(beside(ceilingMachineBefore, ceilingMachineAfter, webhooks, "event"));
		line(String.format("  ratio: p99 no-op publisher / p99 webhook path %.2f", ceiling.p99() / Math.max(1e-3, latency.p99())));
		this.chart.put("reply→subscriber", latency);
		this.chart.put("no-op publisher→subscriber", ceiling);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("subscribers", subscribers);
		figures.put("subscribersConnected", connected);
		figures.put("webhooks", webhooks);
		figures.put("webhooksPerSecond", this.replyRate);
		figures.put("ratePerSecond", rate);
		figures.put("latency", latency.toMap());
		figures.put("deliveries", deliveries);
		figures.put("expected", expected);
		figures.put("lost", lost);
		figures.put("misrouted", misroutedWebhooks);
		figures.put("webhookErrors", webhookErrors.get());
		figures.put("webhookResponse", webhookResponse.toMap());
		figures.put("appCpuMillisPerWebhook", Stats.round(cpuPerWebhook * 10) / 10);
		figures.put("jitCompilerCpuMillisPerWebhook", Stats.round(compilerPerWebhook * 10) / 10);
		figures.put("appCpuPercentByThread", workShares);
		figures.put("benchmarkCpuMillisPerWebhook", Stats.round(machineAfter.benchmarkMillisPer(machineBefore, webhooks)));
		figures.put("machineBusyPercent", machineAfter.busyPercentSince(machineBefore));
		figures.put("noOpPublisherLatency", ceiling.toMap());
		figures.put("noOpPublisherLost", ceilingLost);
		figures.put("noOpPublisherAppCpuMillisPerEvent", Stats.round(ceilingCpuPerEvent * 10) / 10);
		figures.put("noOpPublisherBenchmarkCpuMillisPerEvent",
				Stats.round(ceilingMachineAfter.benchmarkMillisPer(ceilingMachineBefore, webhooks)));
		figures.put("noOpPublisherMachineBusyPercent", ceilingMachineAfter.busyPercentSince(ceilingMachineBefore));
		figures.put("peakRssMb", peakRss);
		figures.put("peakHeapUsedMb", app.peakHeapMb());
		figures.put("peakHeapCommittedMb", app.peakHeapCommittedMb());
		figures.put("gcPauses", app.gcPauses());
		figures.put("gcPauseMillis", app.gcPauseMillis());
		this.results.put("replyToLiveInbox", figures);
		this.targets.add(new Target("p99 reply → subscriber ≤ 50 ms", latency.p99() <= 50, String.format("%.0f ms", latency.p99())));
		this.targets.add(new Target("zero lost or misrouted events", lost == 0 && misroutedWebhooks == 0 && connected == subscribers,
				"lost " + lost + ", misrouted " + misroutedWebhooks + ", subscribers never connected "
						+ (subscribers - connected)));
		this.targets.add(new Target("app RSS ≤ 768 MB (live inbox)", peakRss <= 768, peakRss + " MB"));
	}

	// ---------------------------------------------------------------- reads

	private void reads(Api api, MongoDatabase db, AppProcess app, Setup setup, int messages, int conversations)
			throws Exception {
		line("");
		line("Reads with " + messages + " messages and " + conversations + " conversations stored");
		List<Document> batch = new ArrayList<>();
		List<ObjectId> conversationIds = new ArrayList<>();
		Instant base = Instant.now().minus(Duration.ofDays(30));
		for (int c = 0; c < conversations; c++) {
			ObjectId id = new ObjectId();
			conversationIds.add(id);
			batch.add(new Document("_id", id).append("accountId", setup.acmeId).append("candidateId", "bench-candidate-" + c)
				.append("ourNumber", "+61480000001").append("assignedUserId", setup.janeId)
				.append("lastMessageAt", Date.from(base.plusSeconds(c * 60L))).append("preview", "Bench message").append("unread", c % 3));
			if (batch.size() == 1000) {
				db.getCollection("conversations").insertMany(batch);
				batch.clear();
			}
		}
		flush(db, "conversations", batch);
		for (int m = 0; m < messages; m++) {
			ObjectId conversation = conversationIds.get(m % conversations);
			batch.add(new Document("accountId", setup.acmeId).append("conversationId", conversation.toHexString())
				.append("candidateId", "bench-candidate-" + (m % conversations)).append("direction", m % 2 == 0 ? "OUTBOUND" : "INBOUND")
				.append("from", "+61480000001").append("to", "+61412345678").append("body", "Bench message " + m)
				.append("encoding", "GSM_7").append("segments", 1).append("status", "SENT").append("sandbox", false)
				.append("createdAt", Date.from(base.plusSeconds(m))).append("statusAt", Date.from(base.plusSeconds(m))));
			if (batch.size() == 2000) {
				db.getCollection("messages").insertMany(batch);
				batch.clear();
			}
		}
		flush(db, "messages", batch);
		double settled = settle(app);
		line(String.format("  the app was busy with the seeded documents for %.0f s more (indexes, store, GC); reads measured after",
				settled));
		int repeats = this.quick ? 30 : 200;
		String conversationId = conversationIds.get(conversationIds.size() / 2).toHexString();
		Task inboxRead = () -> api.graphql(setup.adminToken,
				"{ inbox(mine: false, first: 25) { edges { node { id preview unread lastMessageAt } } } }", null);
		Task threadRead = () -> api.graphql(setup.adminToken,
				"query($id: ID!) { conversation(id: $id) { messages(first: 50) { id body status createdAt } } }",
				Map.of("id", conversationId));
		Task historyRead = () -> api.graphql(setup.adminToken,
				"query($id: ID!) { workflowRuns(workflowId: $id, first: 25) { edges { node { state steps { state reason } } } } }",
				Map.of("id", setup.workflowId));
		// Warm-up, as in the other scenarios: a query's first runs compile its code paths.
		for (Task read : List.of(inboxRead, threadRead, historyRead)) {
			timed(repeats / 10, read);
		}
		app.resetGcCounts();
		Stats inbox = timed(repeats, inboxRead);
		Stats thread = timed(repeats, threadRead);
		Stats history = timed(repeats, historyRead);
		line("  inbox list " + inbox);
		line("  conversation thread " + thread);
		line("  workflow history (" + db.getCollection("workflowRuns").countDocuments() + " runs stored) " + history);
		line(memory(app));
		this.chart.put("read: inbox", inbox);
		this.chart.put("read: thread", thread);
		this.chart.put("read: history", history);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("messages", messages);
		figures.put("conversations", conversations);
		figures.put("inbox", inbox.toMap());
		figures.put("thread", thread.toMap());
		figures.put("history", history.toMap());
		figures.put("peakRssMb", app.peakRssMb());
		figures.put("peakHeapUsedMb", app.peakHeapMb());
		figures.put("peakHeapCommittedMb", app.peakHeapCommittedMb());
		figures.put("gcPauses", app.gcPauses());
		figures.put("gcPauseMillis", app.gcPauseMillis());
		this.results.put("reads", figures);
		double worst = Math.max(inbox.p99(), Math.max(thread.p99(), history.p99()));
		this.targets.add(new Target("reads p99 ≤ 50 ms", worst <= 50, String.format("worst p99 %.0f ms", worst)));
		this.targets.add(new Target("app RSS ≤ 768 MB (reads)", app.peakRssMb() <= 768, app.peakRssMb() + " MB"));
	}

	/**
	 * Waits (at most a minute) until the app has used under a tenth of a core for a second: the
	 * reads are of stored data, not of data still being taken in. Straight after the seeding the
	 * embedded store and the GC were still digesting 100,000 inserted documents, and the first
	 * query measured (the inbox list) paid for it.
	 *
	 * @return the seconds waited
	 */
	private static double settle(AppProcess app) throws InterruptedException {
		long start = System.nanoTime();
		long before = app.cpuMillis();
		while (seconds(start) < 60) {
			Thread.sleep(1000);
			long now = app.cpuMillis();
			if (now - before < 100) {
				break;
			}
			before = now;
		}
		return seconds(start);
	}

	/**
	 * The rest of the machine over a measured run: the benchmark's own CPU (subscribers, senders,
	 * stub) per unit of work, and how busy both cores were in all.
	 */
	private static String beside(MachineCpu before, MachineCpu after, int units, String unit) {
		return String.format("  beside the app: the benchmark itself %.1f ms of CPU per %s; both cores %d %% busy",
				after.benchmarkMillisPer(before, units), unit, after.busyPercentSince(before));
	}

	/** Each kind of work's percentage of the app CPU used between two readings, largest first. */
	private static Map<String, Long> shares(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> used = new LinkedHashMap<>();
		after.forEach((work, millis) -> used.put(work, Math.max(0, millis - before.getOrDefault(work, 0L))));
		long total = Math.max(1, used.values().stream().mapToLong(Long::longValue).sum());
		Map<String, Long> shares = new LinkedHashMap<>();
		used.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach(entry -> shares.put(entry.getKey(), Math.round(100.0 * entry.getValue() / total)));
		return shares;
	}

	private static String describe(Map<String, Long> shares) {
		return shares.entrySet()
			.stream()
			.filter(share -> share.getValue() > 0)
			.map(share -> share.getKey() + " " + share.getValue() + " %")
			.collect(Collectors.joining(", "));
	}

	private static String memory(AppProcess app) {
		return "  peak RSS " + app.peakRssMb() + " MB; peak heap in use " + app.peakHeapMb() + " MB, committed "
				+ app.peakHeapCommittedMb() + " MB; after warm-up " + app.gcPauses() + " GC pauses, " + app.gcPauseMillis()
				+ " ms in all";
	}

	private static void flush(MongoDatabase db, String collection, List<Document> batch) {
		if (!batch.isEmpty()) {
			db.getCollection(collection).insertMany(batch);
			batch.clear();
		}
	}

	private static Stats timed(int repeats, Task task) throws Exception {
		task.run();
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < repeats; i++) {
			long start = System.nanoTime();
			task.run();
			millis.add((System.nanoTime() - start) / 1e6);
		}
		return Stats.of(millis);
	}

	// ---------------------------------------------------------------- report

	private void report(String started) throws Exception {
		line("");
		line("Targets:");
		for (Target target : this.targets) {
			line(String.format("  [%s] %s — %s", target.met() ? "met" : "NOT MET", target.name(), target.figure()));
		}
		Path results = Path.of("bench", "results");
		if (!Files.isDirectory(Path.of("bench"))) {
			results = Path.of("results");
		}
		Files.createDirectories(results);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("startedAt", started);
		document.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "os",
				System.getProperty("os.name") + " " + System.getProperty("os.version"), "java", System.getProperty("java.version")));
		document.put("quick", this.quick);
		document.put("figures", this.results);
		document.put("targets", this.targets.stream().map(t -> Map.of("name", t.name(), "met", t.met(), "figure", t.figure())).toList());
		Path json = results.resolve(started + ".json");
		Files.writeString(json, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
		Path png = results.resolve(started + "-latency.png");
		LatencyChart.write(this.chart, png);
		line("");
		line("Wrote " + json + " and " + png);
	}

	private void line(String text) {
		System.out.println(text);
		this.summary.add(text);
	}

	// ---------------------------------------------------------------- helpers

	interface Task {

		void run() throws Exception;

	}

	static void runClients(int clients, Task task) throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				futures.add(pool.submit(() -> {
					task.run();
					return null;
				}));
			}
			for (java.util.concurrent.Future<?> future : futures) {
				future.get();
			}
		}
	}

	static double seconds(long startNanos) {
		return Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
	}

}
