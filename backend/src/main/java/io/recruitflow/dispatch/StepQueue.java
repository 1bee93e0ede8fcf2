package io.recruitflow.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The work queue's persistence. Every state change is a conditional single-document update: it
 * applies only if the step is still in the state (and, once claimed, with the owner) the caller
 * last saw, so a worker whose lease was taken over can never overwrite the new owner's work.
 */
@Component
class StepQueue {

	/** How much later a step's lease may end than its {@code dueSteps} entry says. */
	static final Duration LEASE_SLACK = Duration.ofSeconds(5);

	private final MongoTemplate mongo;

	private final Clock clock;

	StepQueue(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * The steps that are due or being worked on — a handful at any time, however long the history.
	 * Claims scan this small collection instead of every step ever run, which matters on the
	 * embedded server (it ignores non-unique indexes); {@code stepExecutions} stays the record, and
	 * every change of a step's state updates its entry here.
	 */
	@Document("dueSteps")
	record DueStep(@Id String id, Instant dueAt, Instant leaseUntil) {
	}

	/** Inserts the step unless it exists (same workflow, step, candidate and event). */
	boolean enqueue(StepExecution execution) {
		try {
			this.mongo.insert(execution);
		}
		catch (DuplicateKeyException alreadyQueued) {
			return false;
		}
		track(execution);
		return true;
	}

	/**
	 * The next step to work on, now owned by {@code owner}: a due PENDING step (now CLAIMED), or a
	 * step whose worker died (its lease ran out while CLAIMED or SENDING), taken over in the state
	 * it was left in — a SENDING step must be reconciled, not simply rerun.
	 */
	Optional<StepExecution> claim(String owner, Duration lease) {
		Instant now = this.clock.instant();
		Query ready = Query.query(Criteria.where("dueAt").lte(now)
			.orOperator(Criteria.where("leaseUntil").isNull(), Criteria.where("leaseUntil").lt(now)))
			.with(Sort.by("dueAt"));
		DueStep due = this.mongo.findAndModify(ready, Update.update("leaseUntil", now.plus(lease)),
				FindAndModifyOptions.options().returnNew(true), DueStep.class);
		if (due == null) {
			return Optional.empty();
		}
		// The usual case, a due PENDING step, is claimed in one write; a step left by a dead worker
		// keeps its state, so it takes a second.
		StepExecution claimed = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(due.id()).and("state").is(StepState.PENDING).and("dueAt").lte(now)),
				take(owner, now, lease).set("state", StepState.CLAIMED), FindAndModifyOptions.options().returnNew(true),
				StepExecution.class);
		if (claimed == null) {
			claimed = this.mongo.findAndModify(
					Query.query(Criteria.where("_id").is(due.id())
						.and("state").in(StepState.CLAIMED, StepState.SENDING)
						.and("leaseUntil").lt(now)),
					take(owner, now, lease), FindAndModifyOptions.options().returnNew(true), StepExecution.class);
		}
		if (claimed == null) {
			// Finished, held, or still leased by a live worker: bring the entry in line with the step.
			StepExecution current = this.mongo.findById(due.id(), StepExecution.class);
			if (current == null) {
				this.mongo.remove(Query.query(Criteria.where("_id").is(due.id())), DueStep.class);
			}
			else {
				track(current);
			}
			return Optional.empty();
		}
		return Optional.of(claimed);
	}

	private static Update take(String owner, Instant now, Duration lease) {
		return new Update().set("owner", owner).set("leaseUntil", now.plus(lease)).set("updatedAt", now);
	}

	/** Keeps the step's entry in {@code dueSteps} in line with its state. */
	private void track(StepExecution step) {
		Query entry = Query.query(Criteria.where("_id").is(step.id()));
		switch (step.state()) {
			case PENDING -> this.mongo.upsert(entry,
					new Update().set("dueAt", step.dueAt()).set("leaseUntil", null), DueStep.class);
			case CLAIMED, SENDING -> this.mongo.upsert(entry,
					new Update().set("dueAt", step.dueAt()).set("leaseUntil", step.leaseUntil()), DueStep.class);
			default -> this.mongo.remove(entry, DueStep.class);
		}
	}

	/**
	 * Puts back entries a crash lost between writing a step and its entry: steps not finished,
	 * not touched for a while, with no entry. Rare, so a slow scan is fine.
	 */
	@Scheduled(fixedDelayString = "${recruitflow.dispatch.resync-interval:60s}",
			initialDelayString = "${recruitflow.dispatch.resync-interval:60s}")
	void resyncDueSteps() {
		Instant quiet = this.clock.instant().minus(Duration.ofSeconds(60));
		Query open = Query.query(Criteria.where("state").in(StepState.PENDING, StepState.CLAIMED, StepState.SENDING)
			.and("updatedAt").lt(quiet));
		for (StepExecution step : this.mongo.find(open, StepExecution.class)) {
			if (!this.mongo.exists(Query.query(Criteria.where("_id").is(step.id())), DueStep.class)) {
				track(step);
			}
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
		Optional<StepExecution> changed = Optional.ofNullable(this.mongo.findAndModify(Query.query(owned), update,
				FindAndModifyOptions.options().returnNew(true), StepExecution.class));
		changed.filter(step -> !sameLeaseEntry(current, step)).ifPresent(this::track);
		return changed;
	}

	/**
	 * Whether the step's entry in {@code dueSteps} can stay as it is: still leased, with a lease
	 * ending at most {@link #LEASE_SLACK} later than before (claimed → sending renews the lease by
	 * the milliseconds in between). Should the worker die, the entry comes up that much early, the
	 * take-over finds the step still leased, and {@link #claim} brings the entry in line.
	 */
	private static boolean sameLeaseEntry(StepExecution before, StepExecution after) {
		return leased(before.state()) && leased(after.state()) && before.leaseUntil() != null
				&& after.leaseUntil() != null && !after.leaseUntil().isBefore(before.leaseUntil())
				&& !after.leaseUntil().isAfter(before.leaseUntil().plus(LEASE_SLACK));
	}

	private static boolean leased(StepState state) {
		return state == StepState.CLAIMED || state == StepState.SENDING;
	}

	/** Applies {@code update} if the step of the caller's account is in one of {@code states}. */
	Optional<StepExecution> transitionFrom(String accountId, String id, List<StepState> states, Update update) {
		update.set("updatedAt", this.clock.instant());
		Query query = Query.query(Criteria.where("_id").is(id).and("accountId").is(accountId).and("state").in(states));
		Optional<StepExecution> changed = Optional.ofNullable(this.mongo.findAndModify(query, update,
				FindAndModifyOptions.options().returnNew(true), StepExecution.class));
		changed.ifPresent(this::track);
		return changed;
	}

	/** Steps held while the workflow was paused become due again, each with its due entry. */
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
