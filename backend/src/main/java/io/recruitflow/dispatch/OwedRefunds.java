package io.recruitflow.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.recruitflow.account.CreditService;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refunds owed by steps that gave up (FAILED, DEAD) after they were paid. The step's final write
 * records the refund it owes, so a stop before the refund loses nothing: a sweep makes it later.
 * Making one is claimed on the step first, so sweeps on several instances do not make it at once.
 */
@Component
class OwedRefunds {

	static final String REFUND_DUE = "refundDue";

	private static final String REFUND_KEY = "refundKey";

	private static final String REFUND_CREDITS = "refundCredits";

	private static final String REFUND_CLAIMED_UNTIL = "refundClaimedUntil";

	/** Longer than making a refund takes; a claim whose maker stopped runs out after it. */
	private static final Duration CLAIM = Duration.ofSeconds(60);

	private static final Logger log = LoggerFactory.getLogger(OwedRefunds.class);

	private final MongoTemplate mongo;

	private final CreditService credits;

	private final Clock clock;

	OwedRefunds(MongoTemplate mongo, CreditService credits, Clock clock) {
		this.mongo = mongo;
		this.credits = credits;
		this.clock = clock;
	}

	/** Credits a step still has to give back. */
	record Owed(String stepId, String accountId, String key, long credits) {
	}

	/** Adds to a step's final update the refund it owes until it is made. */
	static void owe(Update update, Owed owed) {
		update.set(REFUND_DUE, true).set(REFUND_KEY, owed.key()).set(REFUND_CREDITS, owed.credits());
	}

	/** Makes the refund just recorded by the worker that gave the step up. */
	void make(Owed owed) {
		if (claim(owed.stepId(), owed.key()).isPresent()) {
			refund(owed);
		}
	}

	/**
	 * Makes the refund the step owes, if any, before it is retried: a retry's own failure would
	 * otherwise record its refund over this one.
	 *
	 * @return false if another instance is making it right now
	 */
	boolean settleBeforeRetry(String stepId) {
		Document step = this.mongo.findOne(Query.query(Criteria.where("_id").is(stepId).and(REFUND_DUE).is(true)),
				Document.class, collection());
		if (step == null) {
			return true;
		}
		Optional<Owed> claimed = claim(stepId, step.getString(REFUND_KEY));
		claimed.ifPresent(this::refund);
		return claimed.isPresent();
	}

	/** Makes the refunds of steps whose worker stopped between giving up and refunding. */
	@Scheduled(fixedDelayString = "${recruitflow.dispatch.resync-interval:60s}",
			initialDelayString = "${recruitflow.dispatch.resync-interval:60s}")
	void sweep() {
		Instant quiet = this.clock.instant().minus(Duration.ofSeconds(30));
		Query owed = Query.query(Criteria.where(REFUND_DUE).is(true).and("updatedAt").lt(quiet));
		owed.fields().include(REFUND_KEY);
		for (Document step : this.mongo.find(owed, Document.class, collection())) {
			try {
				Optional<Owed> claimed = claim(step.get("_id").toString(), step.getString(REFUND_KEY));
				if (claimed.isPresent()) {
					log.info("Refunding step {}, whose refund a stop interrupted", claimed.get().stepId());
					refund(claimed.get());
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not make the refund step {} owes; the next sweep tries again", step.get("_id"), ex);
			}
		}
	}

	private Optional<Owed> claim(String stepId, String key) {
		Instant now = this.clock.instant();
		Query unclaimed = Query.query(Criteria.where("_id").is(stepId).and(REFUND_KEY).is(key)
			.orOperator(Criteria.where(REFUND_CLAIMED_UNTIL).isNull(), Criteria.where(REFUND_CLAIMED_UNTIL).lt(now)));
		Document step = this.mongo.findAndModify(unclaimed, Update.update(REFUND_CLAIMED_UNTIL, now.plus(CLAIM)),
				FindAndModifyOptions.options().returnNew(true), Document.class, collection());
		if (step == null) {
			return Optional.empty();
		}
		return Optional.of(new Owed(stepId, step.getString("accountId"), key,
				step.get(REFUND_CREDITS, Number.class).longValue()));
	}

	/** The refund is keyed, so making it again after a stop before the fields are cleared is a no-op. */
	private void refund(Owed owed) {
		this.credits.refund(owed.accountId(), owed.credits(), owed.key(), "Refund: SMS not sent", owed.stepId());
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(owed.stepId()).and(REFUND_KEY).is(owed.key())),
				new Update().unset(REFUND_DUE).unset(REFUND_KEY).unset(REFUND_CREDITS).unset(REFUND_CLAIMED_UNTIL),
				collection());
	}

	private String collection() {
		return this.mongo.getCollectionName(StepExecution.class);
	}

}
