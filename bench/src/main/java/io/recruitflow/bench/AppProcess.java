package io.recruitflow.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The packaged app as a child process on the embedded database: started, health-checked, sampled
 * for memory (peak RSS from /proc), killed with SIGKILL and restarted on the same data.
 */
final class AppProcess implements AutoCloseable {

	final int port;

	final int mongoPort;

	final Path dataDir;

	private final Path jar;

	private final Map<String, String> env;

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

	private final AtomicLong peakRssKb = new AtomicLong();

	private final AtomicLong peakHeapUsedKb = new AtomicLong();

	private final AtomicLong peakHeapCommittedKb = new AtomicLong();

	/** jstat's latest collection count and time (ms), and their values when the peaks were last reset. */
	private volatile long gcCount;

	private volatile long gcMillis;

	private volatile long gcCountAtReset;

	private volatile long gcMillisAtReset;

	private Process process;

	private Process heapSampler;

	AppProcess(Path jar, Map<String, String> extraEnv) throws IOException {
		this.jar = jar;
		this.port = freePort();
		this.mongoPort = freePort();
		this.dataDir = Files.createTempDirectory("recruitflow-bench");
		this.env = new HashMap<>(extraEnv);
		this.env.put("SERVER_PORT", Integer.toString(this.port));
		this.env.put("RECRUITFLOW_DATA_DIR", this.dataDir.toString());
		this.env.put("RECRUITFLOW_EMBEDDED_MONGO_PORT", Integer.toString(this.mongoPort));
		this.env.put("RECRUITFLOW_DEMO_DATA", "true");
		this.env.put("PUBLIC_BASE_URL", baseUrl());
		this.sampler.scheduleAtFixedRate(this::sample, 200, 200, TimeUnit.MILLISECONDS);
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	String mongoUri() {
		return "mongodb://127.0.0.1:" + this.mongoPort + "/recruitflow";
	}

	/** Starts with one more environment variable (e.g. the stub's URL, known only once it runs). */
	void startWith(String name, String value) throws Exception {
		this.env.put(name, value);
		start();
	}

	void start() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "@" + jvmOptions(), "-jar", this.jar.toString());
		builder.environment().putAll(this.env);
		builder.environment().remove("MONGODB_URI");
		builder.redirectErrorStream(true);
		builder.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dataDir.resolve("app.log").toFile()));
		this.process = builder.start();
		awaitHealthy(Duration.ofSeconds(90));
		sampleHeap();
	}

	/**
	 * Heap in use, sampled every 200 ms by jstat, which reads the JVM's own performance counters
	 * (shared memory) without attaching to it or pausing it.
	 */
	private void sampleHeap() throws IOException {
		stopHeapSampler();
		// A restarted JVM counts its collections from zero again.
		this.gcCount = 0;
		this.gcMillis = 0;
		this.gcCountAtReset = 0;
		this.gcMillisAtReset = 0;
		String jstat = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
		if (!Files.isExecutable(Path.of(jstat))) {
			return;
		}
		this.heapSampler = new ProcessBuilder(jstat, "-gc", Long.toString(this.process.pid()), "200")
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		Process sampler = this.heapSampler;
		Thread reader = new Thread(() -> {
			try (var lines = sampler.inputReader()) {
				List<String> header = null;
				for (String line; (line = lines.readLine()) != null;) {
					List<String> columns = List.of(line.trim().split("\\s+"));
					if (columns.contains("EU")) {
						header = columns;
					}
					else if (header != null && columns.size() == header.size()) {
						this.peakHeapUsedKb.accumulateAndGet((long) sum(header, columns, "S0U", "S1U", "EU", "OU"), Math::max);
						this.peakHeapCommittedKb.accumulateAndGet((long) sum(header, columns, "S0C", "S1C", "EC", "OC"),
								Math::max);
						this.gcCount = (long) sum(header, columns, "YGC", "FGC", "CGC");
						this.gcMillis = (long) (sum(header, columns, "GCT") * 1000);
					}
				}
			}
			catch (IOException | RuntimeException ended) {
				// The app or jstat went away.
			}
		}, "heap-sampler");
		reader.setDaemon(true);
		reader.start();
	}

	private static double sum(List<String> header, List<String> columns, String... names) {
		double total = 0;
		for (String name : names) {
			String value = columns.get(header.indexOf(name));
			// jstat prints "-" for a counter the collector does not have.
			total += "-".equals(value) ? 0 : Double.parseDouble(value);
		}
		return total;
	}

	private void stopHeapSampler() {
		if (this.heapSampler != null) {
			this.heapSampler.destroy();
			this.heapSampler = null;
		}
	}

	/** backend/jvm.options, next to the jar's target/ folder: the options `make run` uses too. */
	private Path jvmOptions() {
		Path options = this.jar.getParent().getParent().resolve("jvm.options");
		if (!Files.exists(options)) {
			throw new IllegalStateException(options + " not found");
		}
		return options;
	}

	long pid() {
		return this.process.pid();
	}

	/** SIGKILL: no shutdown hook, no flush — a crash. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	void stop() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
	}

	/**
	 * What the heap keeps once a full collection has run: bytes and objects, and the classes that
	 * keep the most, from jcmd's class histogram.
	 */
	record LiveHeap(long bytes, long objects, List<HeldClass> largest) {
	}

	/** One row of the class histogram: a class and what its instances hold. */
	record HeldClass(String className, long instances, long bytes) {
	}

	/** How many of the histogram's largest classes the results keep: enough to say where the live heap is. */
	private static final int LARGEST_CLASSES = 15;

	/**
	 * The live heap, from {@code jcmd GC.class_histogram}, which runs a full collection first. Unlike
	 * the peak in use, it does not depend on when the collector last ran, so it shows what a change to
	 * the embedded store's indexes saved. It pauses the app: taken once the measured runs are over.
	 * Null when the JDK has no jcmd.
	 */
	LiveHeap liveHeap() throws IOException, InterruptedException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		if (!Files.isExecutable(jcmd)) {
			return null;
		}
		Process histogram = new ProcessBuilder(jcmd.toString(), Long.toString(this.process.pid()), "GC.class_histogram")
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		LiveHeap live = null;
		List<HeldClass> largest = new ArrayList<>();
		try (var lines = histogram.inputReader()) {
			for (String line; (line = lines.readLine()) != null;) {
				String[] columns = line.trim().split("\\s+");
				if (columns.length == 3 && columns[0].equals("Total")) {
					live = new LiveHeap(Long.parseLong(columns[2]), Long.parseLong(columns[1]), largest);
				}
				else if (columns.length >= 4 && columns[0].endsWith(":") && largest.size() < LARGEST_CLASSES) {
					largest.add(new HeldClass(columns[3], Long.parseLong(columns[1]), Long.parseLong(columns[2])));
				}
			}
		}
		histogram.waitFor(2, TimeUnit.MINUTES);
		return live;
	}

	long peakRssMb() {
		return this.peakRssKb.get() / 1024;
	}

	/**
	 * CPU time the app has used so far (user + system, from /proc/PID/stat). Per event it is a
	 * steadier figure than throughput on a shared two-core machine, so it shows what a change saved.
	 */
	long cpuMillis() {
		return MachineCpu.cpuMillisOf(this.process.pid());
	}

	/**
	 * CPU time the app's JIT compiler threads have used so far (from /proc/PID/task). While they
	 * are busy the app is still being compiled, and its figures are not yet those of a running app.
	 */
	long compilerCpuMillis() {
		return cpuMillisByWork().getOrDefault(JIT_COMPILER, 0L);
	}

	/**
	 * CPU time the app's threads have used so far, by what they do (from /proc/PID/task): where a
	 * scenario's CPU goes, without a profiler. Threads that ended are missing, so compare two
	 * readings taken while the same threads run.
	 */
	Map<String, Long> cpuMillisByWork() {
		Map<String, Long> byWork = new TreeMap<>();
		try (var threads = Files.list(Path.of("/proc", Long.toString(this.process.pid()), "task"))) {
			for (Path thread : threads.toList()) {
				try {
					byWork.merge(work(Files.readString(thread.resolve("comm")).trim()),
							MachineCpu.cpuMillis(thread.resolve("stat")), Long::sum);
				}
				catch (IOException | RuntimeException gone) {
					// A thread that ended between the listing and the read.
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return Map.of();
		}
		return byWork;
	}

	private static final String JIT_COMPILER = "JIT compiler";

	/** Thread names (as /proc cuts them, 15 characters) grouped by the work they do. */
	private static String work(String thread) {
		if (thread.startsWith("ForkJoinPool")) {
			return "virtual threads (HTTP, GraphQL, WebSocket sends)";
		}
		if (thread.startsWith("mongo-server")) {
			return "embedded MongoDB server";
		}
		if (thread.matches("H\\d+-.*") || thread.startsWith("MVStore")) {
			return "H2 store";
		}
		if (thread.startsWith("GC Thread") || thread.matches("G\\d .*")) {
			return "garbage collector";
		}
		if (thread.contains("CompilerThre")) {
			return JIT_COMPILER;
		}
		if (thread.startsWith("live-events")) {
			return "live-events thread";
		}
		if (thread.startsWith("dispatch-")) {
			return "dispatcher";
		}
		if (thread.startsWith("http-nio")) {
			return "Tomcat connector";
		}
		return "other";
	}

	/** The most heap in use at any sample: live objects plus garbage not yet collected. */
	long peakHeapMb() {
		return this.peakHeapUsedKb.get() / 1024;
	}

	/** The most heap the JVM had taken from the system at any sample (what RSS sees of the heap). */
	long peakHeapCommittedMb() {
		return this.peakHeapCommittedKb.get() / 1024;
	}

	void resetPeak() {
		this.peakRssKb.set(0);
		this.peakHeapUsedKb.set(0);
		this.peakHeapCommittedKb.set(0);
		resetGcCounts();
	}

	/** Counts collections from now on (peaks stay): e.g. after a scenario's set-up and warm-up. */
	void resetGcCounts() {
		this.gcCountAtReset = this.gcCount;
		this.gcMillisAtReset = this.gcMillis;
	}

	/** Garbage-collection pauses since the peaks were last reset: young, full and concurrent-cycle ones. */
	long gcPauses() {
		return this.gcCount - this.gcCountAtReset;
	}

	/** Their total time in milliseconds. */
	long gcPauseMillis() {
		return this.gcMillis - this.gcMillisAtReset;
	}

	private void sample() {
		Process current = this.process;
		if (current == null || !current.isAlive()) {
			return;
		}
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(current.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
					this.peakRssKb.accumulateAndGet(kb, Math::max);
				}
			}
		}
		catch (IOException | RuntimeException ignored) {
			// The process went away between the check and the read.
		}
	}

	private void awaitHealthy(Duration timeout) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The app exited during start-up; see " + this.dataDir.resolve("app.log"));
			}
			try {
				HttpResponse<String> response = client.send(
						HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("UP")) {
					return;
				}
			}
			catch (IOException notYet) {
				// Still starting.
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The app did not become healthy in " + timeout);
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static Path findJar() {
		for (Path candidate : List.of(Path.of("backend/target/recruitflow.jar"), Path.of("../backend/target/recruitflow.jar"))) {
			if (Files.exists(candidate)) {
				return candidate.toAbsolutePath();
			}
		}
		throw new IllegalStateException("backend/target/recruitflow.jar not found: run make package first");
	}

	@Override
	public void close() throws Exception {
		stop();
		stopHeapSampler();
		this.sampler.shutdownNow();
		deleteQuietly(this.dataDir.toFile());
	}

	private static void deleteQuietly(File file) {
		File[] children = file.listFiles();
		if (children != null) {
			for (File child : children) {
				deleteQuietly(child);
			}
		}
		file.delete();
	}

}
