package io.recruitflow.security;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.recruitflow.demo.DemoData;
import io.recruitflow.support.GraphQlSocket;
import io.recruitflow.support.MessageBirdSignatures;
import io.recruitflow.support.SecuritySuiteTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Secrets never reach the log: signing in (and failing to), creating and using an API key (over
 * HTTP and graphql-ws, and a revoked one), and receiving signed webhooks, with our own loggers and
 * Spring's web, security and GraphQL loggers at DEBUG — what an operator chasing a problem would
 * turn on. Both the log events and everything written to the console are searched.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedTests extends SecuritySuiteTest {

	/** The server side only: the test's own HTTP client logs what it sends at DEBUG, secrets included. */
	private static final List<String> VERBOSE_LOGGERS = List.of("io.recruitflow", "org.springframework.web.servlet",
			"org.springframework.web.filter", "org.springframework.web.method", "org.springframework.web.socket",
			"org.springframework.security", "org.springframework.graphql", "org.apache.catalina", "notprivacysafe");

	@Test
	void noPasswordTokenApiKeyOrSigningKeyIsLogged(CapturedOutput output) throws Exception {
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(events);
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		Map<String, LogLevel> levels = new LinkedHashMap<>();
		VERBOSE_LOGGERS.forEach(name -> {
			var configured = logging.getLoggerConfiguration(name);
			levels.put(name, configured == null ? null : configured.getConfiguredLevel());
			logging.setLogLevel(name, LogLevel.DEBUG);
		});
		Map<String, String> secrets = new LinkedHashMap<>();
		try {
			secrets.putAll(exerciseEverySecret());
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.mongo.getCollection("stepExecutions").countDocuments(new Document("state", "SENT")) == 1);
			pause(300);
		}
		finally {
			levels.forEach(logging::setLogLevel);
			root.detachAppender(events);
		}

		List<String> logged = new ArrayList<>();
		for (ILoggingEvent event : events.list) {
			logged.add(event.getLoggerName() + " " + event.getFormattedMessage() + " " + event.getMDCPropertyMap()
					+ (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())));
		}
		String console = output.getAll();
		assertThat(logged).as("something was logged at DEBUG, so the search below means something").hasSizeGreaterThan(20);
		assertThat(console).as("the console carries the log").isNotBlank();
		secrets.forEach((what, secret) -> {
			assertThat(secret).as(what).hasSizeGreaterThanOrEqualTo(8);
			assertThat(logged).as("log events holding %s", what).noneMatch(line -> line.contains(secret));
			assertThat(console).as("console output holding %s", what).doesNotContain(secret);
		});
		System.out.printf("[security] secrets not logged: %d secrets searched for in %d log events and %d characters of output%n",
				secrets.size(), logged.size(), console.length());
	}

	/** Uses every kind of secret the way clients do; returns them by name. */
	private Map<String, String> exerciseEverySecret() throws Exception {
		Map<String, String> secrets = new LinkedHashMap<>();
		secrets.put("the demo password", DemoData.DEMO_PASSWORD);
		String wrongPassword = "Not-Janes-Password-42";
		secrets.put("a mistyped password", wrongPassword);
		Response failed = exchange(HttpMethod.POST, "/auth/login", MediaType.APPLICATION_JSON,
				json(Map.of("email", "jane@acme.test", "password", wrongPassword)), Map.of());
		assertThat(failed.status()).isEqualTo(401);

		String token = login("jane@acme.test");
		String admin = login("admin@acme.test");
		secrets.put("Jane's session token", token);
		secrets.put("the signature of the admin's session token", admin.substring(admin.lastIndexOf('.') + 1));
		assertThat(graphQlPost(token, Map.of("query", "{ me { email } }")).status()).isEqualTo(200);
		try (GraphQlSocket socket = GraphQlSocket.authenticated(this.port, token)) {
			socket.subscribe("me", "{ me { email } }");
			assertThat(socket.next(Duration.ofSeconds(5))).contains("jane@acme.test");
		}

		Response created = graphQlPost(admin,
				Map.of("query", "mutation { createApiKey(input: {name: \"Workday\"}) { secret apiKey { id } } }"));
		String apiKey = created.data("createApiKey").path("secret").asText();
		secrets.put("the API key", apiKey);
		secrets.put("the API key without its public prefix", apiKey.substring(9));
		Response recorded = graphQlPost(apiKey, Map.of("query",
				"mutation($input: CtaCompletionInput!) { recordCtaCompletion(input: $input) { eventId } }", "variables",
				Map.of("input", Map.of("eventId", "secret-test", "ctaId", ctaId("Register interest"), "webCampaignId",
						idOf("webCampaigns", "name", "Graduate Program 2027"), "candidate", Map.of("externalId", "ATS-1001")))));
		assertThat(recorded.errors()).as(recorded.text()).isEmpty();
		String tampered = apiKey.substring(0, apiKey.length() - 1) + (apiKey.endsWith("A") ? "B" : "A");
		secrets.put("a mistyped API key", tampered);
		assertThat(graphQlPost(tampered, Map.of("query", "{ me { email } }")).status()).isEqualTo(401);
		graphQlPost(admin, Map.of("query", "mutation($id: ID!) { revokeApiKey(id: $id) { active } }", "variables",
				Map.of("id", created.data("createApiKey").path("apiKey").path("id").asText())));
		assertThat(graphQlPost(apiKey, Map.of("query", "{ me { email } }")).status()).as("revoked").isEqualTo(401);

		String body = json(Map.of("id", "secret-in-1", "originator", "61412345678", "recipient", "61480000001", "body", "Yes!"));
		String signature = MessageBirdSignatures.sign(SIGNING_KEY, PUBLIC_BASE_URL + INBOUND, body);
		secrets.put("the MessageBird signing key", SIGNING_KEY);
		secrets.put("a webhook signature", signature.substring(signature.lastIndexOf('.') + 1));
		assertThat(exchange(HttpMethod.POST, INBOUND, MediaType.APPLICATION_JSON, body,
				Map.of("MessageBird-Signature-JWT", signature)).status()).isEqualTo(200);
		String forged = MessageBirdSignatures.sign("a-forger-s-key-of-thirty-two-bytes-long", PUBLIC_BASE_URL + INBOUND, body);
		assertThat(exchange(HttpMethod.POST, INBOUND, MediaType.APPLICATION_JSON, body,
				Map.of("MessageBird-Signature-JWT", forged)).status()).isEqualTo(401);

		secrets.put("the session-signing key", Files.readString(dataDir().resolve("jwt-signing.key")).trim());
		secrets.put("Jane's password hash",
				this.mongo.getCollection("users").find(new Document("email", "jane@acme.test")).first().getString("passwordHash"));
		return secrets;
	}

}
