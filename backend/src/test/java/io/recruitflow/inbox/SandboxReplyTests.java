package io.recruitflow.inbox;

import io.recruitflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** In sandbox mode a recruiter can play the candidate: the reply takes the real inbound path. */
class SandboxReplyTests extends IntegrationTest {

	@Test
	void aSimulatedReplyLandsInTheInboxAndNotifiesTheRecruiter() {
		String olivia = idOf("candidates", "externalId", "ATS-1001");

		graphQlAs("jane@acme.test")
			.document("mutation($id: ID!) { simulateCandidateReply(candidateId: $id, body: \"Thanks, talk soon\") { direction from to body } }")
			.variable("id", olivia)
			.execute()
			.path("simulateCandidateReply.direction").entity(String.class).isEqualTo("INBOUND")
			.path("simulateCandidateReply.from").entity(String.class).isEqualTo("+61412345678")
			.path("simulateCandidateReply.to").entity(String.class).isEqualTo("+61480000001");

		assertThat(this.mongo.findAll(Notification.class)).singleElement()
			.satisfies(notification -> assertThat(notification.userId()).isEqualTo(idOf("users", "email", "jane@acme.test")));
	}

	@Test
	void aSimulatedReplyToAnotherAccountsNumberIsRefused() {
		graphQlAs("jane@acme.test")
			.document("mutation($id: ID!) { simulateCandidateReply(candidateId: $id, body: \"Hi\", toNumber: \"+61480000100\") { id } }")
			.variable("id", idOf("candidates", "externalId", "ATS-1001"))
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("toNumber '+61480000100' is not one of your account's SMS numbers."));
		assertThat(count("messages")).isZero();
	}

}
