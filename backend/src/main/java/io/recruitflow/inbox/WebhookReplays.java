package io.recruitflow.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Remembers the ids of webhook signatures already used: the SDK's validator checks a signature
 * but not whether it was seen before. Signatures expire within minutes, so a day of memory is
 * plenty; the embedded server has no TTL indexes, hence the sweep.
 */
@Component
class WebhookReplays {

	@Document("webhookReplays")
	record Seen(@Id String id, Instant at) {
	}

	private static final Duration MEMORY = Duration.ofDays(1);

	private final MongoTemplate mongo;

	private final Clock clock;

	WebhookReplays(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** True the first time a signature id is seen, false for a replay. */
	boolean firstUse(String signatureId) {
		try {
			this.mongo.insert(new Seen(signatureId, this.clock.instant()));
			return true;
		}
		catch (DuplicateKeyException replay) {
			return false;
		}
	}

	@Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
	void forget() {
		this.mongo.remove(Query.query(Criteria.where("at").lt(this.clock.instant().minus(MEMORY))), Seen.class);
	}

}
