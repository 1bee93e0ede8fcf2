package io.recruitflow.platform;

import java.util.Map;
import java.util.StringJoiner;

import io.recruitflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request hygiene with the production defaults: operations per request (operation definitions in
 * a document, top-level fields of the operation that runs, no batched HTTP requests), and no
 * introspection or GraphiQL outside the dev profile.
 */
class RequestLimitsTests extends IntegrationTest {

	/** The defaults of recruitflow.graphql.max-root-fields and max-operations. */
	private static final int MAX_ROOT_FIELDS = 20;

	private static final int MAX_OPERATIONS = 10;

	@Test
	void anOperationRepeatingAFieldPastTheLimitIsRefusedBeforeAnythingRuns() {
		var admin = graphQlAs("admin@acme.test");
		long templates = count("chatTemplates");

		admin.document(aliased("mutation", MAX_ROOT_FIELDS + 1, "createChatTemplate(input: {name: \"Spam\", body: \"Hi\"}) { id }"))
			.execute()
			.errors()
			.expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("classification"))
					&& error.getMessage().equals("The mutation asks for 21 top-level fields; the maximum is 20 top-level fields"
							+ " per request. Split it into several requests (or use a batch mutation)."));

		assertThat(count("chatTemplates")).as("not one of the 21 ran").isEqualTo(templates);
	}

	@Test
	void fieldsInsideFragmentsCountToo() {
		String fragment = aliased("fragment Many on Query", MAX_ROOT_FIELDS + 1, "me { email }");
		graphQlAs("jane@acme.test").document("query { ...Many } " + fragment)
			.execute()
			.errors()
			.expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("classification"))
					&& error.getMessage().startsWith("The query asks for 21 top-level fields; the maximum is 20"));
	}

	@Test
	void anOperationAtTheLimitRuns() {
		graphQlAs("jane@acme.test").document(aliased("query", MAX_ROOT_FIELDS, "me { email }"))
			.execute()
			.path("f20.email")
			.entity(String.class)
			.isEqualTo("jane@acme.test");
	}

	@Test
	void aDocumentDefiningTooManyOperationsIsRefused() {
		StringJoiner document = new StringJoiner(" ");
		for (int i = 1; i <= MAX_OPERATIONS + 1; i++) {
			document.add("query Q" + i + " { me { email } }");
		}
		HttpGraphQlTester jane = graphQlAs("jane@acme.test");

		jane.document(document.toString())
			.operationName("Q1")
			.execute()
			.errors()
			.expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("classification"))
					&& error.getMessage().equals("The request defines 11 operations; the maximum is 10 operations per request."
							+ " Send one operation per request."));
		jane.document("query A { me { email } } query B { account { name } }")
			.operationName("B")
			.execute()
			.path("account.name")
			.entity(String.class)
			.isEqualTo("Acme Talent");
	}

	@Test
	void batchedHttpRequestsAreNotAccepted() {
		String token = login("jane@acme.test");
		var response = http().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token)
			.body("[{\"query\":\"{ me { email } }\"},{\"query\":\"{ account { name } }\"}]")
			.exchange((request, answer) -> Map.entry(answer.getStatusCode().value(), new String(answer.getBody().readAllBytes())));

		assertThat(response.getKey()).isEqualTo(400);
		assertThat(response.getValue()).doesNotContain("jane@acme.test").doesNotContain("Acme Talent");
	}

	@Test
	void introspectionIsOffOutsideTheDevProfile() {
		var jane = graphQlAs("jane@acme.test");

		jane.document("{ __schema { types { name } } }")
			.execute()
			.errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("classification"))
					&& error.getMessage().equals("Introspection has been disabled for this request"));
		jane.document("{ __type(name: \"Query\") { fields { name } } }")
			.execute()
			.errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("classification"))
					&& error.getMessage().equals("Introspection has been disabled for this request"));
		jane.document("{ __typename me { email } }")
			.execute()
			.path("__typename")
			.entity(String.class)
			.isEqualTo("Query");
	}

	@Test
	void graphiqlIsOffOutsideTheDevProfile() {
		for (String path : new String[] { "/graphiql", "/graphiql/", "/graphiql?path=/graphql" }) {
			var response = http().get()
				.uri(path)
				.exchange((request, answer) -> Map.entry(answer.getStatusCode().value(), new String(answer.getBody().readAllBytes())));
			assertThat(response.getKey()).as("GET %s", path).isNotEqualTo(200).isIn(401, 404);
			assertThat(response.getValue()).as("GET %s", path).doesNotContainIgnoringCase("graphiql.min");
		}
	}

	private static String aliased(String head, int times, String field) {
		StringJoiner fields = new StringJoiner(" ", head + " { ", " }");
		for (int i = 1; i <= times; i++) {
			fields.add("f" + i + ": " + field);
		}
		return fields.toString();
	}

}
