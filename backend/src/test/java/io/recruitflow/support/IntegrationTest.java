package io.recruitflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.recruitflow.demo.DemoData;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.client.RestClient;

/**
 * Boots the whole app on a random port against {@link TestMongo}, and before each test empties
 * every collection and reseeds the demo accounts, so tests start from what `make run` shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "recruitflow.demo-data=false", "recruitflow.login.max-failures=3",
				"recruitflow.dispatch.poll-interval=100ms", "recruitflow.dispatch.backoff-base=20ms",
				"recruitflow.dispatch.backoff-max=200ms", "recruitflow.dispatch.reconcile-delay=0s",
				"recruitflow.dispatch.lease=5s", "recruitflow.trigger.max-batch=5" })
public abstract class IntegrationTest {

	/** One data dir (for the generated signing key) per JVM, as the Spring context is shared too. */
	private static final Path DATA_DIR = createDataDir();

	@LocalServerPort
	protected int port;

	@Autowired
	protected MongoTemplate mongo;

	@Autowired
	protected DemoData demoData;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("MONGODB_URI", TestMongo::uri);
		registry.add("recruitflow.data-dir", DATA_DIR::toString);
	}

	@BeforeEach
	void resetDatabase() {
		for (String name : this.mongo.getCollectionNames()) {
			if (!name.startsWith("system.")) {
				this.mongo.getCollection(name).deleteMany(new Document());
			}
		}
		this.demoData.seed();
	}

	private static Path createDataDir() {
		try {
			return Files.createTempDirectory("recruitflow-test-data");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	protected static Path dataDir() {
		return DATA_DIR;
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	protected RestClient http() {
		return RestClient.builder().baseUrl(baseUrl()).build();
	}

	/** Signs in through {@code POST /auth/login} and returns the session token. */
	protected String login(String email) {
		Map<?, ?> body = http().post()
			.uri("/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", DemoData.DEMO_PASSWORD))
			.retrieve()
			.body(Map.class);
		return (String) body.get("token");
	}

	protected HttpGraphQlTester graphQl() {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl(baseUrl() + "/graphql")
			.responseTimeout(Duration.ofSeconds(20))
			.build();
		return HttpGraphQlTester.create(client);
	}

	/** A tester that sends {@code Authorization: Bearer <credential>} (a session token or an API key). */
	protected HttpGraphQlTester graphQlWith(String credential) {
		return graphQl().mutate().header("Authorization", "Bearer " + credential).build();
	}

	protected HttpGraphQlTester graphQlAs(String email) {
		return graphQlWith(login(email));
	}

	protected long count(String collection) {
		return this.mongo.getCollection(collection).countDocuments();
	}

	/** Every document of the collections, in id order: compare two of these to prove nothing was written. */
	protected Map<String, List<Document>> snapshot(String... collections) {
		Map<String, List<Document>> snapshot = new LinkedHashMap<>();
		for (String collection : collections) {
			snapshot.put(collection, this.mongo.getCollection(collection)
				.find()
				.sort(new Document("_id", 1))
				.into(new ArrayList<>()));
		}
		return snapshot;
	}

	/** The id of the first document whose field has the value, e.g. {@code idOf("users", "email", "jane@acme.test")}. */
	protected String idOf(String collection, String field, Object value) {
		Document found = this.mongo.getCollection(collection).find(new Document(field, value)).first();
		if (found == null) {
			throw new IllegalArgumentException("No " + collection + " document with " + field + " = " + value);
		}
		return found.get("_id").toString();
	}

	/** The id of a demo web campaign's CTA, by its label. */
	protected String ctaId(String label) {
		Document campaign = this.mongo.getCollection("webCampaigns").find(new Document("ctas.label", label)).first();
		if (campaign == null) {
			throw new IllegalArgumentException("No CTA labelled " + label);
		}
		return campaign.getList("ctas", Document.class)
			.stream()
			.filter(cta -> label.equals(cta.getString("label")))
			.findFirst()
			.map(cta -> cta.containsKey("_id") ? cta.get("_id") : cta.get("id"))
			.orElseThrow()
			.toString();
	}

}
