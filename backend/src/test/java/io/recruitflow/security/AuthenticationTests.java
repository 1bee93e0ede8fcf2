package io.recruitflow.security;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.recruitflow.account.User;
import io.recruitflow.demo.DemoData;
import io.recruitflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTests extends IntegrationTest {

	@Test
	void signsInWithTheDemoPasswordWhateverTheEmailCase() {
		ResponseEntity<Map> response = postLogin(Map.of("email", " Jane@Acme.TEST ", "password", DemoData.DEMO_PASSWORD));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((String) response.getBody().get("token")).contains(".");
		assertThat(Instant.parse((String) response.getBody().get("expiresAt"))).isAfter(Instant.now());
	}

	@Test
	void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
		ResponseEntity<Map> wrongPassword = postLogin(Map.of("email", "jane@acme.test", "password", "not-it"));
		ResponseEntity<Map> unknownEmail = postLogin(Map.of("email", "nobody@acme.test", "password", "not-it"));

		assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(unknownEmail.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(wrongPassword.getBody()).isEqualTo(unknownEmail.getBody())
			.isEqualTo(Map.of("error", "Email or password is incorrect."));
	}

	@Test
	void missingFieldsAreABadRequest() {
		ResponseEntity<Map> response = postLogin(Map.of("email", "jane@acme.test"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("error")).isEqualTo("Enter your email and password.");
	}

	@Test
	void repeatedFailuresForOneEmailAreThrottledEvenWithTheRightPassword() {
		for (int i = 0; i < 3; i++) {
			assertThat(postLogin(Map.of("email", "jane@acme.test", "password", "guess-" + i)).getStatusCode())
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}

		ResponseEntity<Map> locked = postLogin(Map.of("email", "jane@acme.test", "password", DemoData.DEMO_PASSWORD));

		assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat((String) locked.getBody().get("error")).startsWith("Too many failed sign-in attempts. Try again in");
		assertThat(locked.getHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(postLogin(Map.of("email", "sam@acme.test", "password", DemoData.DEMO_PASSWORD)).getStatusCode())
			.as("other emails are not affected")
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void graphQlOverHttpNeedsABearerCredential() {
		assertThat(postGraphQl(null).value()).isEqualTo(401);
		assertThat(postGraphQl("Bearer not-a-token").value()).isEqualTo(401);
		assertThat(postGraphQl("Basic amFuZTpwdw==").value()).isEqualTo(401);
		assertThat(postGraphQl("Bearer " + login("jane@acme.test")).value()).isEqualTo(200);
	}

	@Test
	void aTamperedTokenIsRejected() {
		String token = login("jane@acme.test");
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
		String otherAccount = this.mongo.findOne(Query.query(Criteria.where("email").is("admin@globex.test")), User.class)
			.accountId();
		String forgedPayload = payload.replaceAll("\"acc\":\"[0-9a-f]+\"", "\"acc\":\"" + otherAccount + "\"");
		String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forgedPayload.getBytes())
				+ "." + parts[2];

		assertThat(forgedPayload).isNotEqualTo(payload);
		assertThat(postGraphQl("Bearer " + tampered).value()).isEqualTo(401);
	}

	@Test
	void anExpiredTokenIsRejected() throws Exception {
		User jane = this.mongo.findOne(Query.query(Criteria.where("email").is("jane@acme.test")), User.class);
		byte[] key = Base64.getDecoder().decode(Files.readString(dataDir().resolve("jwt-signing.key")).trim());
		SignedJWT expired = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
				new JWTClaimsSet.Builder().issuer("recruitflow")
					.subject(jane.id())
					.claim("acc", jane.accountId())
					.issueTime(Date.from(Instant.now().minusSeconds(7200)))
					.expirationTime(Date.from(Instant.now().minusSeconds(60)))
					.build());
		expired.sign(new MACSigner(key));

		assertThat(postGraphQl("Bearer " + expired.serialize()).value()).isEqualTo(401);
	}

	private ResponseEntity<Map> postLogin(Map<String, String> body) {
		return http().post()
			.uri("/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
				.headers(response.getHeaders())
				.body(response.bodyTo(Map.class)));
	}

	private HttpStatusCode postGraphQl(String authorization) {
		return http().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers -> {
				if (authorization != null) {
					headers.set("Authorization", authorization);
				}
			})
			.body(Map.of("query", "{ me { email } }"))
			.exchange((request, response) -> response.getStatusCode());
	}

}
