package io.recruitflow.account;

import java.util.Map;

import io.recruitflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyTests extends IntegrationTest {

	private static final String CREATE = """
			mutation($name: String!) { createApiKey(input: {name: $name}) {
			  secret apiKey { id name prefix active createdBy { email } } } }""";

	@Test
	void anAdminCreatesAKeyThatIsShownOnceAndStoredHashed() {
		var admin = graphQlAs("admin@acme.test");

		var created = admin.document(CREATE).variable("name", "Workday integration").execute();
		String secret = created.path("createApiKey.secret").entity(String.class).get();
		created.path("createApiKey.apiKey.name").entity(String.class).isEqualTo("Workday integration")
			.path("createApiKey.apiKey.active").entity(Boolean.class).isEqualTo(true)
			.path("createApiKey.apiKey.createdBy.email").entity(String.class).isEqualTo("admin@acme.test")
			.path("createApiKey.apiKey.prefix").entity(String.class).satisfies(prefix -> assertThat(secret).startsWith(prefix));

		admin.document("{ apiKeys { name prefix active } }")
			.execute()
			.path("apiKeys[*].name").entityList(String.class).containsExactly("Workday integration");
		ApiKey stored = this.mongo.findAll(ApiKey.class).getFirst();
		assertThat(stored.secretHash()).isNotEqualTo(secret).doesNotContain(secret.substring(3));
	}

	@Test
	void anApiKeyAuthenticatesForItsOwnAccountOnly() {
		String secret = createKey("admin@acme.test", "Career site");

		graphQlWith(secret).document("{ me { email } account { name } }")
			.execute()
			.path("account.name").entity(String.class).isEqualTo("Acme Talent")
			.path("me.email").entity(String.class).isEqualTo("admin@acme.test");
	}

	@Test
	void aRevokedKeyStopsWorkingAtOnce() {
		var admin = graphQlAs("admin@acme.test");
		var created = admin.document(CREATE).variable("name", "Old ATS").execute();
		String secret = created.path("createApiKey.secret").entity(String.class).get();
		String id = created.path("createApiKey.apiKey.id").entity(String.class).get();
		graphQlWith(secret).document("{ account { name } }").execute().path("account.name").hasValue();

		admin.document("mutation($id: ID!) { revokeApiKey(id: $id) { active revokedAt } }")
			.variable("id", id)
			.execute()
			.path("revokeApiKey.active").entity(Boolean.class).isEqualTo(false)
			.path("revokeApiKey.revokedAt").hasValue();

		int status = http().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + secret)
			.body(Map.of("query", "{ account { name } }"))
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(status).isEqualTo(401);
	}

	@Test
	void recruitersAndApiKeysCannotManageKeysAndNothingIsWritten() {
		graphQlAs("jane@acme.test").document(CREATE)
			.variable("name", "Sneaky")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN
					&& error.getMessage().equals("Only account admins can manage API keys."));
		String secret = createKey("admin@acme.test", "Integration");

		graphQlWith(secret).document(CREATE)
			.variable("name", "Key from a key")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN);
		assertThat(count("apiKeys")).isEqualTo(1);
	}

	@Test
	void aNameMustBeOneToEightyCharacters() {
		var admin = graphQlAs("admin@acme.test");
		for (String bad : new String[] { "", "   ", "x".repeat(81) }) {
			admin.document(CREATE)
				.variable("name", bad)
				.execute()
				.errors()
				.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
						&& error.getMessage().contains("1 to 80 characters"));
		}
		assertThat(count("apiKeys")).isZero();
	}

	@Test
	void anotherAccountsKeyIsNotFoundAndStaysActive() {
		var acme = graphQlAs("admin@acme.test");
		String id = acme.document(CREATE).variable("name", "Acme key").execute()
			.path("createApiKey.apiKey.id").entity(String.class).get();

		graphQlAs("admin@globex.test").document("mutation($id: ID!) { revokeApiKey(id: $id) { active } }")
			.variable("id", id)
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("API key '" + id + "' was not found."));
		graphQlAs("admin@globex.test").document("{ apiKeys { id } }").execute().path("apiKeys").entityList(Object.class).hasSize(0);
		assertThat(this.mongo.findById(id, ApiKey.class).active()).isTrue();
	}

	private String createKey(String adminEmail, String name) {
		return graphQlAs(adminEmail).document(CREATE)
			.variable("name", name)
			.execute()
			.path("createApiKey.secret")
			.entity(String.class)
			.get();
	}

}
