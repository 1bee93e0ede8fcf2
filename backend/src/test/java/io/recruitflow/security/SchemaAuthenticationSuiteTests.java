package io.recruitflow.security;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import io.recruitflow.support.GraphQlSocket;
import io.recruitflow.support.SchemaOperations;
import io.recruitflow.support.SchemaOperations.Kind;
import io.recruitflow.support.SchemaOperations.Operation;
import io.recruitflow.support.SecuritySuiteTest;
import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the schema — generated from it, so new ones are covered without being
 * listed — is refused without a credential, with a tampered, forged or expired session token, and
 * with a revoked API key: 401 over HTTP, and the graphql-ws socket closed with 4401.
 */
class SchemaAuthenticationSuiteTests extends SecuritySuiteTest {

	/** The schema's operation count when this suite was written; fewer means the generator broke. */
	private static final int QUERIES_AT_LEAST = 21;

	private static final int MUTATIONS_AT_LEAST = 26;

	private static final int SUBSCRIPTIONS_AT_LEAST = 3;

	@Test
	void everyOperationRefusesMissingTamperedExpiredAndRevokedCredentials() throws Exception {
		SchemaOperations schema = schemaOperations();
		List<Operation> queriesAndMutations = new ArrayList<>();
		schema.fields(Kind.QUERY).forEach(field -> queriesAndMutations.add(schema.minimal(field)));
		schema.fields(Kind.MUTATION).forEach(field -> queriesAndMutations.add(schema.minimal(field)));
		List<Operation> subscriptions = schema.fields(Kind.SUBSCRIPTION).stream().map(schema::minimal).toList();
		assertThat(schema.fields(Kind.QUERY)).as("queries found in the schema").hasSizeGreaterThanOrEqualTo(QUERIES_AT_LEAST);
		assertThat(schema.fields(Kind.MUTATION)).as("mutations found in the schema").hasSizeGreaterThanOrEqualTo(MUTATIONS_AT_LEAST);
		assertThat(subscriptions).as("subscriptions found in the schema").hasSizeGreaterThanOrEqualTo(SUBSCRIPTIONS_AT_LEAST);
		everyGeneratedOperationIsValidAgainstTheSchema(queriesAndMutations, subscriptions);

		Map<String, String> credentials = badCredentials();
		var before = databaseState();
		SoftAssertions softly = new SoftAssertions();
		int httpChecks = 0;
		for (Operation operation : concat(queriesAndMutations, subscriptions)) {
			for (Map.Entry<String, String> credential : credentials.entrySet()) {
				Response response = graphQlPost(credential.getValue(), operation.body());
				softly.assertThat(response.status()).as("%s over HTTP with %s", operation.field(), credential.getKey())
					.isEqualTo(401);
				softly.assertThat(response.json().path("error").asText())
					.as("%s over HTTP with %s: the answer says what to do", operation.field(), credential.getKey())
					.containsAnyOf("Sign in first", "Sign in again");
				softly.assertThat(response.text()).as("%s with %s: nothing ran", operation.field(), credential.getKey())
					.doesNotContain("\"data\"");
				httpChecks++;
			}
		}

		int socketChecks = 0;
		for (Operation operation : subscriptions) {
			for (Map.Entry<String, String> credential : credentials.entrySet()) {
				GraphQlSocket socket = GraphQlSocket.connect(this.port);
				socket.send(credential.getValue() == null ? "{\"type\":\"connection_init\",\"payload\":{}}"
						: "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + credential.getValue() + "\"}}");
				String answer = socket.nextOrClosed(Duration.ofSeconds(5));
				if (answer != null && answer.contains("connection_ack")) {
					socket.send(subscribeMessage(operation));
					softly.fail("%s over graphql-ws with %s: the connection was acknowledged, then got %s",
							operation.field(), credential.getKey(), socket.next(Duration.ofSeconds(1)));
					socket.close();
				}
				else {
					int code = socket.closeCode();
					if (code == ABNORMAL_CLOSURE) {
						code = refusalOnASecondTry(credential.getValue());
					}
					softly.assertThat(code).as("%s over graphql-ws with %s", operation.field(), credential.getKey())
						.isEqualTo(4401);
				}
				socketChecks++;
			}
		}
		for (Operation operation : concat(queriesAndMutations, subscriptions)) {
			GraphQlSocket socket = GraphQlSocket.connect(this.port);
			socket.send(subscribeMessage(operation));
			softly.assertThat(socket.closeCode()).as("%s over graphql-ws without connection_init", operation.field())
				.isEqualTo(4401);
			socketChecks++;
		}

		var after = databaseState();
		assertThat(difference(before, after)).as("refused requests wrote nothing").isEmpty();
		validCredentialsReachEveryOperation(softly, queriesAndMutations, subscriptions);
		System.out.printf("[security] authentication suite: %d operations (%d queries, %d mutations, %d subscriptions) "
				+ "checked with %d bad credentials: %d HTTP and %d graphql-ws refusals%n",
				queriesAndMutations.size() + subscriptions.size(), schema.fields(Kind.QUERY).size(),
				schema.fields(Kind.MUTATION).size(), subscriptions.size(), credentials.size(), httpChecks, socketChecks);
		softly.assertAll();
	}

	/**
	 * The client reports 1006 when the connection ends before the server's close frame is read — seen
	 * once on a loaded machine. That says nothing about why the server closed, so ask again once.
	 */
	private static final int ABNORMAL_CLOSURE = 1006;

	private int refusalOnASecondTry(String credential) throws Exception {
		GraphQlSocket socket = GraphQlSocket.connect(this.port);
		socket.send(credential == null ? "{\"type\":\"connection_init\",\"payload\":{}}"
				: "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + credential + "\"}}");
		String answer = socket.nextOrClosed(Duration.ofSeconds(5));
		if (answer != null) {
			socket.close();
			return -1;
		}
		return socket.closeCode();
	}

	/** A broken generator must not pass by sending requests the server would refuse anyway. */
	private void everyGeneratedOperationIsValidAgainstTheSchema(List<Operation> queriesAndMutations,
			List<Operation> subscriptions) {
		for (Operation operation : concat(queriesAndMutations, subscriptions)) {
			ParseAndValidateResult result = ParseAndValidate.parseAndValidate(graphQlSchema(),
					ExecutionInput.newExecutionInput(operation.document()).variables(operation.variables()).build());
			assertThat(result.getErrors()).as("%s: %s", operation.field(), operation.document()).isEmpty();
		}
	}

	/**
	 * The same requests with a good credential are not refused: they reach the resolvers (which may
	 * still answer NOT_FOUND for the dummy ids) and are not rejected as malformed.
	 */
	private void validCredentialsReachEveryOperation(SoftAssertions softly, List<Operation> queriesAndMutations,
			List<Operation> subscriptions) throws Exception {
		String admin = login("admin@acme.test");
		for (Operation operation : queriesAndMutations) {
			Response response = graphQlPost(admin, operation.body());
			softly.assertThat(response.status()).as("%s with a valid token", operation.field()).isEqualTo(200);
			softly.assertThat(response.json().has("data") || response.json().has("errors"))
				.as("%s with a valid token answers GraphQL: %s", operation.field(), response.text())
				.isTrue();
			for (var error : response.errors()) {
				softly.assertThat(error.path("message").asText())
					.as("%s with a valid token is well-formed", operation.field())
					.doesNotStartWith("Validation error")
					.doesNotStartWith("Variable '")
					.doesNotStartWith("Invalid syntax");
				softly.assertThat(error.path("extensions").path("classification").asText())
					.as("%s with a valid token is not refused", operation.field())
					.isNotIn("UNAUTHORIZED", "INTERNAL_ERROR");
			}
		}
		try (GraphQlSocket socket = GraphQlSocket.authenticated(this.port, admin)) {
			for (Operation operation : subscriptions) {
				socket.send(subscribeMessage(operation));
			}
			String answer = socket.next(Duration.ofMillis(300));
			softly.assertThat(answer).as("subscriptions with a valid token are accepted and wait for events").isNull();
		}
	}

	/** Credential variants, each expected to be refused; null is "no credential at all". */
	private Map<String, String> badCredentials() throws Exception {
		Map<String, String> credentials = new LinkedHashMap<>();
		credentials.put("no credential", null);
		credentials.put("a garbage token", "not-a-token");
		String token = login("admin@acme.test");
		String[] parts = token.split("\\.");
		Document admin = this.mongo.getCollection("users").find(new Document("email", "admin@acme.test")).first();
		Document globex = this.mongo.getCollection("users").find(new Document("email", "admin@globex.test")).first();
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
		String otherAccount = payload.replace(admin.getString("accountId"), globex.getString("accountId"));
		assertThat(otherAccount).isNotEqualTo(payload);
		credentials.put("a token whose payload was changed to another account",
				parts[0] + "." + base64(otherAccount.getBytes()) + "." + parts[2]);
		char[] signature = parts[2].toCharArray();
		signature[5] = signature[5] == 'A' ? 'B' : 'A';
		credentials.put("a token whose signature was altered", parts[0] + "." + parts[1] + "." + new String(signature));
		credentials.put("a token with alg none", base64("{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".");
		byte[] otherKey = new byte[32];
		new SecureRandom().nextBytes(otherKey);
		credentials.put("a token signed with another key", sign(otherKey, admin, Instant.now().plusSeconds(3600)));
		byte[] devKey = Base64.getDecoder().decode(Files.readString(dataDir().resolve("jwt-signing.key")).trim());
		credentials.put("an expired token", sign(devKey, admin, Instant.now().minusSeconds(60)));
		credentials.put("a revoked API key", revokedApiKey());
		assertThat(graphQlPost(sign(devKey, admin, Instant.now().plusSeconds(60)), Map.of("query", "{ me { email } }"))
			.data("me").path("email").asText()).as("tokens signed like this one are accepted while valid").isEqualTo("admin@acme.test");
		return credentials;
	}

	private String revokedApiKey() {
		String admin = login("admin@acme.test");
		Response created = graphQlPost(admin,
				Map.of("query", "mutation { createApiKey(input: {name: \"Soon revoked\"}) { secret apiKey { id } } }"));
		String secret = created.data("createApiKey").path("secret").asText();
		assertThat(graphQlPost(secret, Map.of("query", "{ account { name } }")).status()).isEqualTo(200);
		Response revoked = graphQlPost(admin, Map.of("query", "mutation($id: ID!) { revokeApiKey(id: $id) { active } }",
				"variables", Map.of("id", created.data("createApiKey").path("apiKey").path("id").asText())));
		assertThat(revoked.data("revokeApiKey").path("active").asBoolean(true)).isFalse();
		return secret;
	}

	private static String sign(byte[] key, Document user, Instant expires) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
				new JWTClaimsSet.Builder().issuer("recruitflow")
					.subject(user.get("_id").toString())
					.claim("acc", user.getString("accountId"))
					.issueTime(Date.from(expires.minusSeconds(3600)))
					.expirationTime(Date.from(expires))
					.build());
		jwt.sign(new MACSigner(key));
		return jwt.serialize();
	}

	private static String subscribeMessage(Operation operation) {
		return json(Map.of("id", "1", "type", "subscribe", "payload", operation.body()));
	}

	private static String base64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static <T> List<T> concat(List<T> first, List<T> second) {
		List<T> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
