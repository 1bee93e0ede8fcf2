package io.recruitflow.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The work queue's persistence. Every state change is a conditional single-document update: it
 * applies only if the step is still in the state (and, once claimed, with the owner) the caller
 * last saw, so a worker whose lease was taken over can never overwrite the new owner's work.
 */
@Component
class StepQueue implements InitializingBean {

	private static final String LEGACY_DUE_STEPS = "dueSteps";

	private final MongoTemplate mongo;

	private final Clock clock;

	StepQueue(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Inserts the step unless it exists (same workflow, step, candidate and event). */
	boolean enqueue(StepExecution execution) {
		try {
			this.mongo.insert(execution);
			return true;
		}
		catch (DuplicateKeyException alreadyQueued) {
			return false;
		}
	}

	/**
	 * The earliest due PENDING step, now CLAIMED by {@code owner} in one write. Reads a few
	 * documents through the {@code due} index (the embedded server's hash indexes keep each
	 * state's steps in order), however long the history.
	 */
	Optional<StepExecution> claimDue(String owner, Duration lease) {
		Instant now = this.clock.instant();
		Query due = Query.query(Criteria.where("state").is(StepState.PENDING).and("dueAt").lte(now))
			.with(Sort.by("dueAt"));
		return Optional.ofNullable(this.mongo.findAndModify(due,
				take(owner, now, lease).set("state", StepState.CLAIMED), FindAndModifyOptions.options().returnNew(true),
				StepExecution.class));
	}

	/**
	 * A step whose worker died (its lease ran out while CLAIMED or SENDING), now owned by
	 * {@code owner} in the state it was left in: a SENDING step must be reconciled, not simply
	 * rerun. Reads through the {@code lease} index.
	 */
	Optional<StepExecution> claimAbandoned(String owner, Duration lease) {
		Instant now = this.clock.instant();
		Query abandoned = Query.query(Criteria.where("state").in(StepState.CLAIMED, StepState.SENDING)
			.and("leaseUntil").lt(now)).with(Sort.by("leaseUntil"));
		return Optional.ofNullable(this.mongo.findAndModify(abandoned, take(owner, now, lease),
				FindAndModifyOptions.options().returnNew(true), StepExecution.class));
	}

	private static Update take(String owner, Instant now, Duration lease) {
		return new Update().set("owner", owner).set("leaseUntil", now.plus(lease)).set("updatedAt", now);
	}

	/**
	 * Earlier builds kept a second record of each due step in {@code dueSteps}, for an embedded
	 * server that could not use non-unique indexes; the steps themselves are the record.
	 */
	@Override
	public void afterPropertiesSet() {
		if (this.mongo.collectionExists(LEGACY_DUE_STEPS)) {
			this.mongo.dropCollection(LEGACY_DUE_STEPS);
		}
	}

	/**
	 * Applies {@code update} if the step is still {@code expected} and owned by the same worker.
	 *
	 * @return the updated step, or empty when the lease was lost and the update must not happen
	 */
	Optional<StepExecution> transition(StepExecution current, StepState expected, Update update) {
		Criteria owned = Criteria.where("_id").is(current.id()).and("state").is(expected);
		owned = current.owner() == null ? owned.and("owner").isNull() : owned.and("owner").is(current.owner());
		update.set("updatedAt", this.clock.instant());
		return Optional.ofNullable(this.mongo.findAndModify(Query.query(owned), update,
				FindAndModifyOptions.options().returnNew(true), StepExecution.class));
	}

	/** Applies {@code update} if the step of the caller's account is in one of {@code states}. */
	Optional<StepExecution> transitionFrom(String accountId, String id, List<StepState> states, Update update) {
		update.set("updatedAt", this.clock.instant());
		Query query = Query.query(Criteria.where("_id").is(id).and("accountId").is(accountId).and("state").in(states));
		return Optional.ofNullable(this.mongo.findAndModify(query, update,
				FindAndModifyOptions.options().returnNew(true), StepExecution.class));
	}

	/** Steps held while the workflow was paused become due again. */
	long releaseHeld(String accountId, String workflowId) {
		Instant now = this.clock.instant();
		this.mongo.updateMulti(
				Query.query(Criteria.where("accountId").is(accountId)
					.and("workflowId").is(workflowId)
					.and("state").is(StepState.HELD)),
				new Update().set("state", StepState.PENDING).set("updatedAt", now), WorkflowRun.class);
		Query held = Query.query(
				Criteria.where("accountId").is(accountId).and("workflowId").is(workflowId).and("state").is(StepState.HELD));
		long released = 0;
		for (StepExecution step : this.mongo.find(held, StepExecution.class)) {
			Update due = new Update().set("state", StepState.PENDING)
				.set("dueAt", now)
				.set("reason", null)
				.set("owner", null);
			if (transitionFrom(accountId, step.id(), List.of(StepState.HELD), due).isPresent()) {
				released++;
			}
		}
		return released;
	}

	Optional<StepExecution> find(String accountId, String id) {
		return Optional.ofNullable(this.mongo.findOne(
				Query.query(Criteria.where("_id").is(id).and("accountId").is(accountId)), StepExecution.class));
	}

	List<StepExecution> stepsOfRuns(List<String> runIds) {
		return this.mongo.find(Query.query(Criteria.where("runId").in(runIds)).with(Sort.by("position", "createdAt")),
				StepExecution.class);
	}

	/** Creates the run record once; later calls leave it as it is. */
	void startRun(WorkflowRun run) {
		Update create = new Update().setOnInsert("accountId", run.accountId())
			.setOnInsert("workflowId", run.workflowId())
			.setOnInsert("candidateId", run.candidateId())
			.setOnInsert("candidateName", run.candidateName())
			.setOnInsert("triggerEventId", run.triggerEventId())
			.setOnInsert("eventId", run.eventId())
			.setOnInsert("startedAt", run.startedAt())
			.setOnInsert("state", run.state())
			.setOnInsert("updatedAt", run.updatedAt());
		try {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(run.id())), create, WorkflowRun.class);
		}
		catch (DuplicateKeyException raced) {
			// Another instance created it first: the run exists, which is all this wanted.
		}
	}

	void updateRunState(String runId, StepState state) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(runId)),
				new Update().set("state", state).set("updatedAt", this.clock.instant()), WorkflowRun.class);
	}

}
