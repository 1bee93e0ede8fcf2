package io.recruitflow.support;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.bson.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

/**
 * The security and bad-input suites (issue 6 §3): the whole app with a MessageBird signing key
 * configured (so webhooks are verified, as in production) and the sandbox gateway (so nothing
 * needs a provider). Helpers send raw GraphQL and webhook requests and compare the whole database
 * before and after.
 */
@TestPropertySource(properties = { "recruitflow.sms.signing-key=" + SecuritySuiteTest.SIGNING_KEY,
		"recruitflow.public-base-url=" + SecuritySuiteTest.PUBLIC_BASE_URL })
public abstract class SecuritySuiteTest extends IntegrationTest {

	public static final String SIGNING_KEY = "security-suite-signing-key-of-32-bytes-or-more";

	public static final String PUBLIC_BASE_URL = "https://recruitflow.example";

	public static final String INBOUND = "/webhooks/messagebird/inbound";

	public static final String STATUS = "/webhooks/messagebird/status";

	/**
	 * Collections that change on every request by design and say nothing about the input: sign-in
	 * throttling and the memory of used webhook signatures (a signature is remembered before its
	 * body is read, so that a replay of even a bad request is recognised).
	 */
	private static final Set<String> VOLATILE_COLLECTIONS = Set.of("loginThrottle", "webhookReplays");

	/** Fields that change whenever a credential is used: an API key's lastUsedAt. */
	private static final Map<String, Set<String>> VOLATILE_FIELDS = Map.of("apiKeys", Set.of("lastUsedAt"));

	protected static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	private GraphQlSource graphQlSource;

	/** One client (keeping its connections) for the many requests of a suite. */
	private RestClient client;

	/** An HTTP answer: its status and body (JSON when it is JSON, else MissingNode). */
	public record Response(int status, String text, JsonNode json) {

		public JsonNode errors() {
			return this.json.path("errors");
		}

		public JsonNode firstError() {
			return errors().path(0);
		}

		public String classification() {
			return firstError().path("extensions").path("classification").asText(null);
		}

		public String message() {
			return firstError().path("message").asText(null);
		}

		public JsonNode data(String field) {
			return this.json.path("data").path(field);
		}

	}

	protected SchemaOperations schemaOperations() {
		return new SchemaOperations(graphQlSchema());
	}

	/** The schema the app runs with. */
	protected graphql.schema.GraphQLSchema graphQlSchema() {
		return this.graphQlSource.schema();
	}

	/** POSTs a GraphQL request body (query, variables) with {@code Authorization: Bearer credential} if given. */
	protected Response graphQlPost(String credential, Map<String, Object> body) {
		return graphQlPostRaw(credential, json(body));
	}

	protected Response graphQlPostRaw(String credential, String body) {
		return exchange(HttpMethod.POST, "/graphql", MediaType.APPLICATION_JSON, body,
				credential == null ? Map.of() : Map.of("Authorization", "Bearer " + credential));
	}

	protected Response exchange(HttpMethod method, String path, MediaType contentType, String body,
			Map<String, String> headers) {
		if (this.client == null) {
			this.client = RestClient.builder()
				.baseUrl(baseUrl())
				.requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()))
				.build();
		}
		return this.client.method(method)
			.uri(path)
			.headers(h -> {
				headers.forEach(h::set);
				if (contentType != null) {
					h.setContentType(contentType);
				}
			})
			.body(body == null ? "" : body)
			.exchange((request, response) -> {
				String text = StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8);
				return new Response(response.getStatusCode().value(), text, parse(text));
			});
	}

	/** Posts a webhook signed as MessageBird signs it, for our public URL and this exact body. */
	protected Response signedWebhook(String path, MediaType contentType, String body) {
		String signature = MessageBirdSignatures.sign(SIGNING_KEY, PUBLIC_BASE_URL + path, body);
		return exchange(HttpMethod.POST, path, contentType, body, Map.of("MessageBird-Signature-JWT", signature));
	}

	/**
	 * Every document of every collection, in id order, leaving out what changes on every request
	 * by design (see {@link #VOLATILE_COLLECTIONS} and {@link #VOLATILE_FIELDS}).
	 */
	protected Map<String, List<Document>> databaseState() {
		Map<String, List<Document>> state = new LinkedHashMap<>();
		List<String> names = new ArrayList<>(this.mongo.getCollectionNames());
		names.sort(null);
		for (String name : names) {
			if (name.startsWith("system.") || VOLATILE_COLLECTIONS.contains(name)) {
				continue;
			}
			List<Document> documents = this.mongo.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>());
			Set<String> ignored = VOLATILE_FIELDS.getOrDefault(name, Set.of());
			documents.forEach(document -> ignored.forEach(document::remove));
			if (!documents.isEmpty()) {
				state.put(name, documents);
			}
		}
		return state;
	}

	/** The collections (and documents) that differ between two states, for a readable failure. */
	protected static String difference(Map<String, List<Document>> before, Map<String, List<Document>> after) {
		StringBuilder text = new StringBuilder();
		Set<String> names = new java.util.TreeSet<>(before.keySet());
		names.addAll(after.keySet());
		for (String name : names) {
			List<Document> was = before.getOrDefault(name, List.of());
			List<Document> is = after.getOrDefault(name, List.of());
			if (!was.equals(is)) {
				List<Document> added = new ArrayList<>(is);
				added.removeAll(was);
				List<Document> removed = new ArrayList<>(was);
				removed.removeAll(is);
				text.append(name).append(": now ").append(added).append(", was ").append(removed).append("; ");
			}
		}
		return text.toString();
	}

	protected static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode parse(String text) {
		try {
			JsonNode node = text == null || text.isBlank() ? null : JSON.readTree(text);
			return node == null ? MissingNode.getInstance() : node;
		}
		catch (JsonProcessingException ex) {
			return MissingNode.getInstance();
		}
	}

	/** Lets background work started by a request (e.g. a workflow step) finish before comparing states. */
	protected static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
