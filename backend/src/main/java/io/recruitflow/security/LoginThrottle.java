package io.recruitflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.recruitflow.platform.RecruitFlowProperties;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code maxFailures} failed sign-ins for one email within
 * {@code window}, that email is locked for {@code lockout}. Kept in MongoDB so every instance
 * sees the same count.
 */
@Component
class LoginThrottle {

	@Document("loginThrottle")
	record Entry(@Id String email, int failures, Instant windowStart, Instant lockedUntil) {
	}

	private final MongoTemplate mongo;

	private final RecruitFlowProperties.LoginThrottling settings;

	private final Clock clock;

	LoginThrottle(MongoTemplate mongo, RecruitFlowProperties properties, Clock clock) {
		this.mongo = mongo;
		this.settings = properties.login();
		this.clock = clock;
	}

	/** How long the email stays locked, if it is locked now. */
	Optional<Duration> lockedFor(String email) {
		Instant now = this.clock.instant();
		Entry entry = this.mongo.findById(email, Entry.class);
		if (entry == null || entry.lockedUntil() == null || !entry.lockedUntil().isAfter(now)) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, entry.lockedUntil()));
	}

	void recordFailure(String email) {
		Instant now = this.clock.instant();
		Query inWindow = Query.query(Criteria.where("_id").is(email).and("windowStart").gt(now.minus(this.settings.window())));
		Entry entry = this.mongo.findAndModify(inWindow, new Update().inc("failures", 1),
				FindAndModifyOptions.options().returnNew(true), Entry.class);
		if (entry == null) {
			this.mongo.save(new Entry(email, 1, now, null));
			return;
		}
		if (entry.failures() >= this.settings.maxFailures()) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(email)),
					Update.update("lockedUntil", now.plus(this.settings.lockout())), Entry.class);
		}
	}

	void recordSuccess(String email) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(email)), Entry.class);
	}

}
