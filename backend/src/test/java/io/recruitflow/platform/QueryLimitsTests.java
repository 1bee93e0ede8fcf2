package io.recruitflow.platform;

import io.recruitflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/** Small limits so that the current schema can exceed them; production defaults are larger. */
@TestPropertySource(properties = { "recruitflow.graphql.max-depth=3", "recruitflow.graphql.max-complexity=6" })
class QueryLimitsTests extends IntegrationTest {

	@Test
	void aQueryDeeperThanTheLimitFailsNamingTheLimit() {
		graphQlAs("jane@acme.test").document("{ account { smsNumbers { user { email } } } }")
			.execute()
			.errors()
			.expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("classification"))
					&& error.getMessage().contains("the maximum query depth is 3"));
	}

	@Test
	void aQueryCostlierThanTheLimitFailsNamingTheLimit() {
		graphQlAs("jane@acme.test").document("{ a: me { email } b: me { email } c: me { email } d: me { email } }")
			.execute()
			.errors()
			.expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("classification"))
					&& error.getMessage().contains("the maximum query complexity is 6"));
	}

	@Test
	void aQueryWithinTheLimitsRuns() {
		graphQlAs("jane@acme.test").document("{ me { email } }")
			.execute()
			.path("me.email")
			.entity(String.class)
			.isEqualTo("jane@acme.test");
	}

}
