package io.recruitflow.trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The minimum delay between two runs of one workflow for one candidate, decided atomically: one
 * document per (workflow, candidate) holds the last run's time, and passing the gate is a
 * conditional upsert, so two simultaneous events cannot both start a run. The same event passes
 * again, so an interrupted event can be finished.
 */
@Component
class ReentryGate {

	@Document("workflowReentry")
	record LastRun(@Id String id, Instant at, String triggerEventId) {
	}

	private final MongoTemplate mongo;

	private final Clock clock;

	ReentryGate(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	boolean pass(String workflowId, String candidateId, int minimumMinutes, String triggerEventId) {
		Instant now = this.clock.instant();
		String id = workflowId + ":" + candidateId;
		Criteria mayRun = Criteria.where("_id").is(id);
		if (minimumMinutes > 0) {
			mayRun = mayRun.orOperator(Criteria.where("at").lte(now.minus(Duration.ofMinutes(minimumMinutes))),
					Criteria.where("triggerEventId").is(triggerEventId));
		}
		try {
			this.mongo.upsert(Query.query(mayRun), new Update().set("at", now).set("triggerEventId", triggerEventId),
					LastRun.class);
			return true;
		}
		catch (DuplicateKeyException tooSoon) {
			return false;
		}
	}

}
