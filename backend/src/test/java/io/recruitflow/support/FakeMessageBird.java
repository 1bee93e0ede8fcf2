package io.recruitflow.support;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A local stand-in for MessageBird's REST API, for the real SDK to talk to: {@code POST /messages}
 * accepts (or fails as scripted) and remembers each message; {@code GET /messages} lists them by
 * recipient, as reconciliation asks. Records every POST, so tests can count what was really sent.
 */
public final class FakeMessageBird extends Dispatcher implements AutoCloseable {

	/** What the next POST gets. */
	public enum Answer {

		/** 201 with the message. */
		ACCEPT,
		/** 500, nothing accepted. */
		FAIL_500,
		/** 422 "not enough balance" (code 25), nothing accepted. */
		REFUSE_NO_BALANCE,
		/** Accepted, but the answer comes too late: the client times out not knowing. */
		ACCEPT_THEN_HANG

	}

	public record Sent(String id, String reference, String originator, String recipient, String body,
			String datacoding, String reportUrl, Instant at) {
	}

	private final ObjectMapper json = new ObjectMapper();

	private final MockWebServer server = new MockWebServer();

	private final Deque<Answer> script = new ArrayDeque<>();

	private final List<Sent> accepted = new ArrayList<>();

	private int posts;

	private volatile boolean lookupsFail;

	private long hangMillis = 3000;

	public FakeMessageBird() {
		this.server.setDispatcher(this);
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String baseUrl() {
		return this.server.url("/").toString().replaceAll("/$", "");
	}

	/** Answers for the next POSTs, in order; after them every POST is accepted. */
	public synchronized void script(Answer... answers) {
		this.script.addAll(List.of(answers));
	}

	public void hangFor(long millis) {
		this.hangMillis = millis;
	}

	public void lookupsFail(boolean fail) {
		this.lookupsFail = fail;
	}

	public synchronized List<Sent> accepted() {
		return List.copyOf(this.accepted);
	}

	public synchronized int posts() {
		return this.posts;
	}

	/** Pretends a message with this reference was accepted earlier (e.g. just before a crash). */
	public synchronized Sent preAccept(String reference, String originator, String recipient, String body) {
		Sent sent = new Sent("mb-" + (this.accepted.size() + 1), reference, originator, recipient, body, "auto", null,
				Instant.now());
		this.accepted.add(sent);
		return sent;
	}

	public synchronized void reset() {
		this.script.clear();
		this.accepted.clear();
		this.posts = 0;
		this.lookupsFail = false;
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		String path = request.getUrl().encodedPath();
		if ("POST".equals(request.getMethod()) && "/messages".equals(path)) {
			return post(request);
		}
		if ("GET".equals(request.getMethod()) && "/messages".equals(path)) {
			return list(request.getUrl().queryParameter("recipient"));
		}
		return new MockResponse.Builder().code(404).body("{\"errors\":[{\"code\":20,\"description\":\"not found\"}]}").build();
	}

	private MockResponse post(RecordedRequest request) {
		Answer answer;
		Sent sent = null;
		synchronized (this) {
			this.posts++;
			answer = this.script.isEmpty() ? Answer.ACCEPT : this.script.poll();
			if (answer == Answer.ACCEPT || answer == Answer.ACCEPT_THEN_HANG) {
				JsonNode body = readBody(request);
				sent = new Sent("mb-" + (this.accepted.size() + 1), text(body, "reference"), text(body, "originator"),
						"+" + text(body, "recipients"), text(body, "body"), text(body, "datacoding"),
						text(body, "reportUrl"), Instant.now());
				this.accepted.add(sent);
			}
		}
		return switch (answer) {
			case ACCEPT -> new MockResponse.Builder().code(201).body(messageJson(sent).toString()).build();
			case ACCEPT_THEN_HANG -> new MockResponse.Builder().code(201)
				.body(messageJson(sent).toString())
				.headersDelay(this.hangMillis, TimeUnit.MILLISECONDS)
				.build();
			case FAIL_500 -> new MockResponse.Builder().code(500)
				.body("{\"errors\":[{\"code\":99,\"description\":\"Internal error\",\"parameter\":null}]}")
				.build();
			case REFUSE_NO_BALANCE -> new MockResponse.Builder().code(422)
				.body("{\"errors\":[{\"code\":25,\"description\":\"Not enough balance\",\"parameter\":null}]}")
				.build();
		};
	}

	private MockResponse list(String recipient) {
		if (this.lookupsFail) {
			return new MockResponse.Builder().code(503).body("{\"errors\":[{\"code\":99,\"description\":\"Unavailable\"}]}").build();
		}
		ArrayNode items = this.json.createArrayNode();
		synchronized (this) {
			for (Sent sent : this.accepted) {
				if (recipient == null || sent.recipient().equals("+" + recipient)) {
					items.add(messageJson(sent));
				}
			}
		}
		ObjectNode page = this.json.createObjectNode();
		page.put("offset", 0).put("limit", 50).put("count", items.size()).put("totalCount", items.size());
		page.set("items", items);
		return new MockResponse.Builder().code(200).body(page.toString()).build();
	}

	private ObjectNode messageJson(Sent sent) {
		ObjectNode message = this.json.createObjectNode();
		message.put("id", sent.id())
			.put("href", baseUrl() + "/messages/" + sent.id())
			.put("direction", "mt")
			.put("type", "sms")
			.put("originator", sent.originator())
			.put("body", sent.body())
			.put("reference", sent.reference())
			.put("datacoding", "auto")
			.put("createdDatetime", sent.at().toString().replaceAll("\\.\\d+Z$", "Z").replace("Z", "+00:00"));
		ObjectNode recipients = message.putObject("recipients");
		recipients.put("totalCount", 1).put("totalSentCount", 1).put("totalDeliveredCount", 0).put("totalDeliveryFailedCount", 0);
		recipients.putArray("items")
			.addObject()
			.put("recipient", Long.parseLong(sent.recipient().replace("+", "")))
			.put("status", "sent");
		return message;
	}

	private JsonNode readBody(RecordedRequest request) {
		try {
			return this.json.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asText();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
