package io.recruitflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The app's HTTP surface as an integrator (and MessageBird) uses it. */
final class Api {

	static final ObjectMapper JSON = new ObjectMapper();

	final String baseUrl;

	final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	Api(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	String login(String email, String password) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("email", email, "password", password))))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Login as " + email + " failed: " + response.body());
		}
		return JSON.readTree(response.body()).get("token").asText();
	}

	/** Runs an operation; throws on transport errors and GraphQL errors. */
	JsonNode graphql(String credential, String query, Map<String, ?> variables) throws IOException, InterruptedException {
		HttpResponse<String> response = post(credential, query, variables);
		JsonNode body = JSON.readTree(response.body());
		if (response.statusCode() != 200 || body.has("errors")) {
			throw new IllegalStateException("GraphQL failed (" + response.statusCode() + "): " + response.body());
		}
		return body.get("data");
	}

	HttpResponse<String> post(String credential, String query, Map<String, ?> variables)
			throws IOException, InterruptedException {
		String payload = JSON.writeValueAsString(variables == null ? Map.of("query", query)
				: Map.of("query", query, "variables", variables));
		return this.http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + credential)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(payload))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** POSTs an inbound SMS webhook, signed as MessageBird signs it. */
	int inbound(String signingKey, String json) throws IOException, InterruptedException {
		String url = this.baseUrl + "/webhooks/messagebird/inbound";
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("MessageBird-Signature-JWT", sign(signingKey, url, json))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	static String sign(String signingKey, String url, String body) {
		Instant now = Instant.now();
		JWTCreator.Builder jwt = JWT.create()
			.withIssuer("MessageBird")
			.withJWTId(UUID.randomUUID().toString())
			.withNotBefore(Date.from(now.minusSeconds(1)))
			.withExpiresAt(Date.from(now.plusSeconds(300)))
			.withClaim("url_hash", sha256(url));
		if (body != null && !body.isEmpty()) {
			jwt.withClaim("payload_hash", sha256(body));
		}
		return jwt.sign(Algorithm.HMAC256(signingKey));
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
