package io.recruitflow.account;

import io.recruitflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountQueriesTests extends IntegrationTest {

	@Test
	void aRecruiterSeesThemselvesAndTheirAccount() {
		var tester = graphQlAs("jane@acme.test");

		tester.document("{ me { name email role smsNumber senderNumber fromName active } }")
			.execute()
			.path("me.email").entity(String.class).isEqualTo("jane@acme.test")
			.path("me.role").entity(String.class).isEqualTo("RECRUITER")
			.path("me.senderNumber").entity(String.class).isEqualTo("+61480000001")
			.path("me.fromName").entity(String.class).isEqualTo("Jane Doe");

		tester.document("""
				{ account { name companyNumber credits timezone country atsStatuses sandbox
				    smsNumbers { number kind fromName user { email } } } }""")
			.execute()
			.path("account.name").entity(String.class).isEqualTo("Acme Talent")
			.path("account.companyNumber").entity(String.class).isEqualTo("+61480000000")
			.path("account.credits").entity(Integer.class).isEqualTo(500)
			.path("account.timezone").entity(String.class).isEqualTo("Australia/Sydney")
			.path("account.atsStatuses").entityList(String.class)
			.containsExactly("New", "Screening", "Interview", "Offer", "Hired", "Rejected")
			.path("account.sandbox").entity(Boolean.class).isEqualTo(true)
			.path("account.smsNumbers[*].number").entityList(String.class).containsExactly("+61480000000", "+61480000001")
			.path("account.smsNumbers[0].fromName").entity(String.class).isEqualTo("Acme Talent")
			.path("account.smsNumbers[1].user.email").entity(String.class).isEqualTo("jane@acme.test");
	}

	@Test
	void aUserWithoutANumberSendsFromTheCompanyNumberUnderTheCompanyName() {
		graphQlAs("sam@acme.test").document("{ me { smsNumber senderNumber fromName } }")
			.execute()
			.path("me.smsNumber").valueIsNull()
			.path("me.senderNumber").entity(String.class).isEqualTo("+61480000000")
			.path("me.fromName").entity(String.class).isEqualTo("Acme Talent");
	}

	@Test
	void aGlobexUserNeverSeesAcmeData() {
		var globex = graphQlAs("admin@globex.test");

		globex.document("{ account { name credits smsNumbers { number } } users { email } }")
			.execute()
			.path("account.name").entity(String.class).isEqualTo("Globex Careers")
			.path("account.credits").entity(Integer.class).isEqualTo(100)
			.path("account.smsNumbers[*].number").entityList(String.class).containsExactly("+61480000100")
			.path("users[*].email").entityList(String.class).containsExactly("admin@globex.test");
	}

	@Test
	void usersListsOnlyTheCallersAccount() {
		graphQlAs("jane@acme.test").document("{ users { email } }")
			.execute()
			.path("users[*].email").entityList(String.class)
			.containsExactly("admin@acme.test", "jane@acme.test", "sam@acme.test");
		assertThat(count("users")).isEqualTo(4);
	}

}
