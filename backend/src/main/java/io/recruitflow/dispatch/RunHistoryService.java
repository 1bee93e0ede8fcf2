package io.recruitflow.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.recruitflow.inbox.InboxService;
import io.recruitflow.inbox.OutboundMessage;
import io.recruitflow.platform.Caller;
import io.recruitflow.platform.DomainException;
import io.recruitflow.workflow.WorkflowService;
import io.recruitflow.workflow.WorkflowStepKind;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** What recruiters see of the engine: runs and their steps, and the two actions on a step. */
@Service
public class RunHistoryService {

	private final MongoTemplate mongo;

	private final StepQueue queue;

	private final WorkflowService workflows;

	private final WorkSignal signal;

	private final InboxService inbox;

	private final OwedRefunds refunds;

	private final Clock clock;

	RunHistoryService(MongoTemplate mongo, StepQueue queue, WorkflowService workflows, WorkSignal signal,
			InboxService inbox, OwedRefunds refunds, Clock clock) {
		this.inbox = inbox;
		this.refunds = refunds;
		this.clock = clock;
		this.mongo = mongo;
		this.queue = queue;
		this.workflows = workflows;
		this.signal = signal;
	}

	public record RunPage(List<WorkflowRun> runs, boolean hasNext) {
	}

	/**
	 * Runs of one workflow of the caller's account (deleted workflows keep their history), newest
	 * first. Run ids begin with the trigger event's time-ordered id, so the id is the cursor.
	 */
	public RunPage runs(Caller caller, String workflowId, StepState state, String search, int first, String after) {
		if (this.workflows.workflowForRun(caller.accountId(), workflowId).isEmpty()) {
			throw new DomainException.NotFound("Workflow", workflowId);
		}
		Criteria criteria = Criteria.where("accountId").is(caller.accountId()).and("workflowId").is(workflowId);
		if (state != null) {
			criteria = criteria.and("state").is(state);
		}
		if (search != null && !search.isBlank()) {
			criteria = criteria.and("candidateName")
				.regex(Pattern.compile(Pattern.quote(search.strip()), Pattern.CASE_INSENSITIVE));
		}
		if (after != null && !after.isBlank()) {
			criteria = criteria.and("_id").lt(after);
		}
		List<WorkflowRun> found = this.mongo.find(
				Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "_id")).limit(first + 1), WorkflowRun.class);
		boolean hasNext = found.size() > first;
		return new RunPage(hasNext ? found.subList(0, first) : found, hasNext);
	}

	/** The steps of each run, in order; one query for a whole page of runs. */
	public Map<String, List<StepExecution>> steps(List<WorkflowRun> runs) {
		return this.queue.stepsOfRuns(runs.stream().map(WorkflowRun::id).toList())
			.stream()
			.collect(Collectors.groupingBy(StepExecution::runId));
	}

	/** A FAILED or DEAD Chat Message step runs again as a new attempt generation (paid again). */
	public StepExecution retry(Caller caller, String id) {
		StepExecution step = this.queue.find(caller.accountId(), id)
			.orElseThrow(() -> new DomainException.NotFound("Step", id));
		if (step.kind() != WorkflowStepKind.CHAT_MESSAGE
				|| (step.state() != StepState.FAILED && step.state() != StepState.DEAD)) {
			throw new DomainException.BadRequest(
					"Only a failed or dead Chat Message step can be retried; this one is " + step.state() + ".");
		}
		if (!this.refunds.settleBeforeRetry(step.id())) {
			throw new DomainException.Conflict(
					"The credits of the last attempt are being refunded right now; try again in a moment.");
		}
		Update pendingNow = new Update().set("state", StepState.PENDING)
			.set("dueAt", this.clock.instant())
			.set("reason", null)
			.set("owner", null)
			.set("leaseUntil", null)
			.inc("generation", 1)
			.set("attempts", 0)
			.set("sms", null);
		StepExecution retried = this.queue
			.transitionFrom(caller.accountId(), id, List.of(StepState.FAILED, StepState.DEAD), pendingNow)
			.orElseThrow(() -> new DomainException.Conflict("The step changed meanwhile; reload and try again."));
		this.queue.updateRunState(retried.runId(), StepState.PENDING);
		this.signal.wake();
		return retried;
	}

	/**
	 * Settles an UNCONFIRMED step: {@code sent} records it as sent (and the run moves on at the next
	 * claim), otherwise it is sent again, already paid for.
	 */
	public StepExecution resolveUnconfirmed(Caller caller, String id, boolean sent) {
		StepExecution step = this.queue.find(caller.accountId(), id)
			.orElseThrow(() -> new DomainException.NotFound("Step", id));
		if (step.state() != StepState.UNCONFIRMED) {
			throw new DomainException.BadRequest("Only an UNCONFIRMED step can be resolved; this one is " + step.state() + ".");
		}
		if (sent && step.sms() != null) {
			StepExecution.PreparedSms sms = step.sms();
			this.inbox.recordOutbound(new OutboundMessage(step.accountId(), step.candidateId(), sms.from(), sms.to(),
					sms.text(), sms.encoding(), sms.segments(), sms.senderUserId(), step.workflowId(), step.id(), null,
					false));
		}
		// Back to SENDING with an expired lease, so the next worker reconciles it: marked sent, it finds
		// the message recorded and completes; otherwise it asks the provider once more, then sends.
		Update update = new Update().set("state", StepState.SENDING)
			.set("leaseUntil", Instant.EPOCH)
			.set("owner", null)
			.set("reconcileAttempts", 0)
			.set("sendingSince", Instant.EPOCH);
		StepExecution resolved = this.queue
			.transitionFrom(caller.accountId(), id, List.of(StepState.UNCONFIRMED), update)
			.orElseThrow(() -> new DomainException.Conflict("The step changed meanwhile; reload and try again."));
		this.queue.updateRunState(resolved.runId(), StepState.SENDING);
		this.signal.wake();
		return resolved;
	}

}
