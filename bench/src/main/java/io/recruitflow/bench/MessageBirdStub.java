package io.recruitflow.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Answers like MessageBird's REST API ({@code POST /messages}, {@code GET /messages?recipient=})
 * and records every accepted message with its arrival time. Can misbehave on purpose: a share of
 * 500s, of hangs past the client's timeout (after accepting — the ambiguous case), and of dropped
 * connections.
 */
final class MessageBirdStub implements AutoCloseable {

	record Received(long arrivalNanos, String id, String reference, String originator, String recipient,
			String body) {
	}

	private final ObjectMapper json = new ObjectMapper();

	private final HttpServer server;

	private final ConcurrentLinkedQueue<Received> accepted = new ConcurrentLinkedQueue<>();

	private final AtomicLong posts = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong hangs = new AtomicLong();

	private final AtomicLong resets = new AtomicLong();

	private final AtomicLong ids = new AtomicLong();

	private volatile double failRate;

	private volatile double hangRate;

	private volatile double resetRate;

	private volatile long hangMillis = 3000;

	MessageBirdStub() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/messages", this::handle);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void faults(double failRate, double hangRate, double resetRate, long hangMillis) {
		this.failRate = failRate;
		this.hangRate = hangRate;
		this.resetRate = resetRate;
		this.hangMillis = hangMillis;
	}

	List<Received> accepted() {
		return new ArrayList<>(this.accepted);
	}

	void clear() {
		this.accepted.clear();
		this.posts.set(0);
		this.failures.set(0);
		this.hangs.set(0);
		this.resets.set(0);
	}

	long posts() {
		return this.posts.get();
	}

	long failures() {
		return this.failures.get();
	}

	long hangs() {
		return this.hangs.get();
	}

	long resets() {
		return this.resets.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if ("POST".equals(exchange.getRequestMethod())) {
				post(exchange);
			}
			else {
				list(exchange);
			}
		}
	}

	private void post(HttpExchange exchange) throws IOException {
		long arrival = System.nanoTime();
		byte[] request = exchange.getRequestBody().readAllBytes();
		this.posts.incrementAndGet();
		double roll = ThreadLocalRandom.current().nextDouble();
		if (roll < this.resetRate) {
			this.resets.incrementAndGet();
			return; // closed without an answer: the client sees the connection drop
		}
		if (roll < this.resetRate + this.failRate) {
			this.failures.incrementAndGet();
			send(exchange, 500, "{\"errors\":[{\"code\":99,\"description\":\"Internal error\",\"parameter\":null}]}");
			return;
		}
		JsonNode body = this.json.readTree(request);
		Received received = new Received(arrival, "mb" + this.ids.incrementAndGet(), text(body, "reference"),
				text(body, "originator"), "+" + text(body, "recipients"), text(body, "body"));
		this.accepted.add(received);
		if (roll < this.resetRate + this.failRate + this.hangRate) {
			this.hangs.incrementAndGet();
			sleep(this.hangMillis);
		}
		send(exchange, 201, message(received).toString());
	}

	private void list(HttpExchange exchange) throws IOException {
		String recipient = null;
		String query = exchange.getRequestURI().getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				if (pair.startsWith("recipient=")) {
					recipient = "+" + URLDecoder.decode(pair.substring(10), StandardCharsets.UTF_8);
				}
			}
		}
		ArrayNode items = this.json.createArrayNode();
		for (Received received : this.accepted) {
			if (recipient == null || recipient.equals(received.recipient())) {
				items.add(message(received));
			}
		}
		ObjectNode page = this.json.createObjectNode();
		page.put("offset", 0).put("limit", 50).put("count", items.size()).put("totalCount", items.size());
		page.set("items", items);
		send(exchange, 200, page.toString());
	}

	private ObjectNode message(Received received) {
		ObjectNode message = this.json.createObjectNode();
		message.put("id", received.id())
			.put("direction", "mt")
			.put("type", "sms")
			.put("originator", received.originator())
			.put("body", received.body())
			.put("reference", received.reference())
			.put("datacoding", "auto");
		ObjectNode recipients = message.putObject("recipients");
		recipients.put("totalCount", 1).put("totalSentCount", 1);
		return message;
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asText();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
