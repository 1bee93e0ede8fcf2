package io.recruitflow.inbox;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Drops the conversation indexes that {@link Conversation}'s current ones replaced, once they exist
 * side by side: an index keeps its keys under its name, so the ones with {@code _id} added came
 * under new names, and every write would otherwise keep the old ones up to date for nothing.
 */
@Component
class SupersededIndexes {

	static final List<String> CONVERSATIONS = List.of("account_activity", "account_assignee_activity");

	private static final Logger log = LoggerFactory.getLogger(SupersededIndexes.class);

	private final MongoTemplate mongo;

	SupersededIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void dropSuperseded() {
		IndexOperations conversations = this.mongo.indexOps(Conversation.class);
		List<String> present = conversations.getIndexInfo().stream().map(IndexInfo::getName).toList();
		for (String superseded : CONVERSATIONS) {
			if (present.contains(superseded)) {
				conversations.dropIndex(superseded);
				log.info("Dropped the conversations index {}: a newer one with _id serves its queries", superseded);
			}
		}
	}

}
