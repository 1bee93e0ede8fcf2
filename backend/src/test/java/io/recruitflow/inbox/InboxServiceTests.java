package io.recruitflow.inbox;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import io.recruitflow.candidate.Candidate;
import io.recruitflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;

import static org.assertj.core.api.Assertions.assertThat;

class InboxServiceTests extends IntegrationTest {

	@Autowired
	InboxService inbox;

	@Autowired
	SupersededIndexes supersededIndexes;

	@Test
	void theConversationIndexesWithoutIdGiveWayToTheOnesWithIt() {
		IndexOperations conversations = this.mongo.indexOps(Conversation.class);
		conversations.createIndex(new Index().on("accountId", Sort.Direction.ASC)
			.on("lastMessageAt", Sort.Direction.DESC)
			.named("account_activity"));
		conversations.createIndex(new Index().on("accountId", Sort.Direction.ASC)
			.on("assignedUserId", Sort.Direction.ASC)
			.on("lastMessageAt", Sort.Direction.DESC)
			.named("account_assignee_activity"));

		this.supersededIndexes.dropSuperseded();
		this.supersededIndexes.dropSuperseded();

		assertThat(conversations.getIndexInfo()).extracting(IndexInfo::getName)
			.contains("account_activity_id", "account_assignee_activity_id", "account_candidate_number")
			.doesNotContainAnyElementsOf(SupersededIndexes.CONVERSATIONS);
	}

	@Test
	void recordingTheSameStepTwiceKeepsOneMessage() {
		Candidate olivia = candidate("ATS-1001");
		OutboundMessage sent = outbound(olivia, "exec-1", "mb-1");

		SmsMessage first = this.inbox.recordOutbound(sent);
		SmsMessage second = this.inbox.recordOutbound(sent);

		assertThat(second.id()).isEqualTo(first.id());
		assertThat(count("messages")).isEqualTo(1);
		assertThat(count("conversations")).isEqualTo(1);
	}

	@Test
	void concurrentRecordsOfOneStepKeepOneMessage() throws Exception {
		Candidate olivia = candidate("ATS-1001");
		OutboundMessage sent = outbound(olivia, "exec-2", "mb-2");
		Callable<SmsMessage> record = () -> this.inbox.recordOutbound(sent);

		try (var pool = Executors.newFixedThreadPool(4)) {
			List<SmsMessage> results = pool.invokeAll(List.of(record, record, record, record))
				.stream()
				.map(future -> {
					try {
						return future.get();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				})
				.toList();
			assertThat(results).extracting(SmsMessage::id).containsOnly(results.getFirst().id());
		}
		assertThat(count("messages")).isEqualTo(1);
		assertThat(count("conversations")).isEqualTo(1);
	}

	@Test
	void messagesWithoutAStepOrProviderIdDoNotCollide() {
		Candidate olivia = candidate("ATS-1001");

		this.inbox.recordOutbound(outbound(olivia, null, null));
		this.inbox.recordOutbound(outbound(olivia, null, null));

		assertThat(count("messages")).isEqualTo(2);
		assertThat(this.inbox.messagesOfCandidate(olivia.accountId(), olivia.id(), 10)).hasSize(2);
	}

	@Test
	void theConversationShowsTheLatestMessageAndWhoSentIt() {
		Candidate olivia = candidate("ATS-1001");
		this.inbox.recordOutbound(outbound(olivia, "exec-a", "mb-a"));

		this.inbox.recordOutbound(new OutboundMessage(olivia.accountId(), olivia.id(), "+61480000001", olivia.mobile(),
				"Second  message\nwith lines", "GSM_7", 1, "user-2", null, "exec-b", "mb-b", true));

		Conversation conversation = this.mongo.findAll(Conversation.class).getFirst();
		assertThat(conversation.preview()).isEqualTo("Second message with lines");
		assertThat(conversation.assignedUserId()).isEqualTo("user-2");
	}

	private Candidate candidate(String externalId) {
		return this.mongo.findAll(Candidate.class)
			.stream()
			.filter(candidate -> externalId.equals(candidate.externalId()))
			.findFirst()
			.orElseThrow();
	}

	private static OutboundMessage outbound(Candidate candidate, String stepExecutionId, String providerId) {
		return new OutboundMessage(candidate.accountId(), candidate.id(), "+61480000001", candidate.mobile(),
				"Hi " + candidate.firstName(), "GSM_7", 1, "user-1", "workflow-1", stepExecutionId, providerId, true);
	}

}
