package io.recruitflow.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.recruitflow.workflow.Workflow;
import io.recruitflow.workflow.WorkflowResumed;
import io.recruitflow.workflow.WorkflowStepKind;
import org.bson.types.ObjectId;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Starts runs and moves them from one step to the next. Every enqueue is idempotent (the step's
 * unique key), so the trigger ingester may start a run again after a crash without doubling it.
 */
@Service
public class RunStarter {

	/** Everything the engine needs to start one workflow for one candidate. */
	public record RunRequest(String accountId, Workflow workflow, String candidateId, String candidateName,
			String triggerEventId, String eventId, RunContext context) {
	}

	private final StepQueue queue;

	private final WorkSignal signal;

	private final Clock clock;

	RunStarter(StepQueue queue, WorkSignal signal, Clock clock) {
		this.queue = queue;
		this.signal = signal;
		this.clock = clock;
	}

	/** Creates the run and its first step (due now, or after its wait). Safe to call again. */
	public void start(RunRequest request) {
		Instant now = this.clock.instant();
		String runId = WorkflowRun.idOf(request.triggerEventId(), request.workflow().id());
		List<Workflow.Step> steps = request.workflow().steps();
		StepState initial = steps.isEmpty() ? StepState.SENT : StepState.PENDING;
		this.queue.startRun(new WorkflowRun(runId, request.accountId(), request.workflow().id(), request.candidateId(),
				request.candidateName(), request.triggerEventId(), request.eventId(), now, initial, now));
		if (!steps.isEmpty()) {
			enqueue(request.accountId(), request.workflow().id(), runId, steps.getFirst(), 1, request.candidateId(),
					request.triggerEventId(), request.context());
		}
	}

	/**
	 * Enqueues the step after {@code done}, if the workflow still has one; else the run is over.
	 *
	 * @return whether there is a next step
	 */
	boolean enqueueNext(StepExecution done, Workflow workflow) {
		List<Workflow.Step> steps = workflow.steps();
		int index = -1;
		for (int i = 0; i < steps.size(); i++) {
			if (steps.get(i).id().equals(done.stepId())) {
				index = i;
			}
		}
		if (index < 0 || index + 1 >= steps.size()) {
			return false;
		}
		enqueue(done.accountId(), done.workflowId(), done.runId(), steps.get(index + 1), index + 2, done.candidateId(),
				done.triggerEventId(), done.context());
		return true;
	}

	private void enqueue(String accountId, String workflowId, String runId, Workflow.Step step, int position,
			String candidateId, String triggerEventId, RunContext context) {
		Instant now = this.clock.instant();
		Instant dueAt = step.kind() == WorkflowStepKind.WAIT && step.waitMinutes() != null
				? now.plus(Duration.ofMinutes(step.waitMinutes())) : now;
		boolean inserted = this.queue.enqueue(new StepExecution(new ObjectId().toHexString(), accountId, workflowId, runId, step.id(),
				step.kind(), position, candidateId, triggerEventId, context, StepState.PENDING, dueAt, 0, 0, null, null,
				null, null, null, null, 0, null, null, now, now));
		// A first step's run was just created PENDING; and a step already enqueued (this is a
		// repeat after a crash) may have moved its run on since, which must not be undone.
		if (inserted && position > 1) {
			this.queue.updateRunState(runId, StepState.PENDING);
		}
		this.signal.wake();
	}

	@EventListener
	void onWorkflowResumed(WorkflowResumed resumed) {
		long released = this.queue.releaseHeld(resumed.accountId(), resumed.workflowId());
		if (released > 0) {
			this.signal.wake(released);
		}
	}

}
