package io.recruitflow.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.recruitflow.platform.Caller;
import io.recruitflow.platform.DomainException;
import io.recruitflow.workflow.WorkflowInputs.WorkflowInput;
import io.recruitflow.workflow.WorkflowInputs.WorkflowStepInput;
import org.bson.types.ObjectId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Workflows of the caller's account. Every change is one atomic update of the workflow document
 * that only applies if the version is still the one the change was computed from, and increments
 * it: two concurrent edits can never both win. When the caller named the version their edit is
 * based on (expectedVersion), losing that race is a conflict they are told about; without one,
 * the change is simply recomputed on the newer document.
 */
@Service
public class WorkflowService {

	/** Enough for any realistic contention; past it the caller is asked to try again. */
	private static final int MAX_ATTEMPTS = 5;

	static final String COPY_PREFIX = "Copy of ";

	private final WorkflowRepository workflows;

	private final MongoTemplate mongo;

	private final WorkflowRules rules;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	WorkflowService(WorkflowRepository workflows, MongoTemplate mongo, WorkflowRules rules, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.workflows = workflows;
		this.mongo = mongo;
		this.rules = rules;
		this.clock = clock;
	}

	/** Not deleted, by name; optionally only one status, or only names containing search (any case). */
	public List<Workflow> workflows(Caller caller, WorkflowStatus status, String search) {
		List<Workflow> found = status == null ? this.workflows.findByAccountIdAndDeletedAtIsNull(caller.accountId())
				: this.workflows.findByAccountIdAndStatusAndDeletedAtIsNull(caller.accountId(), status);
		String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
		return found.stream()
			.filter(workflow -> needle.isEmpty() || workflow.name().toLowerCase(Locale.ROOT).contains(needle))
			.sorted(Comparator.comparing(Workflow::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Workflow::id))
			.toList();
	}

	public Workflow workflow(Caller caller, String id) {
		return this.workflows.findByIdAndAccountIdAndDeletedAtIsNull(id, caller.accountId())
			.orElseThrow(() -> new DomainException.NotFound("Workflow", id));
	}

	public Workflow create(Caller caller, WorkflowInput input) {
		WorkflowRules.Settings settings = this.rules.settings(caller, input);
		Instant now = this.clock.instant();
		return this.workflows.insert(new Workflow(null, caller.accountId(), settings.name(), WorkflowStatus.ACTIVE,
				settings.trigger(), settings.criteria(), settings.reentryMinimumMinutes(), List.of(), caller.userId(),
				now, now, null, null));
	}

	public Workflow update(Caller caller, String id, WorkflowInput input) {
		workflow(caller, id);
		WorkflowRules.Settings settings = this.rules.settings(caller, input);
		return change(caller, id, input.expectedVersion(), current -> new Update().set("name", settings.name())
			.set("trigger", settings.trigger())
			.set("criteria", settings.criteria())
			.set("reentryMinimumMinutes", settings.reentryMinimumMinutes()));
	}

	/** Soft delete: the workflow disappears from lists and lookups; runs that point at it keep it. */
	public String delete(Caller caller, String id) {
		change(caller, id, null, current -> new Update().set("deletedAt", this.clock.instant()));
		return id;
	}

	public Workflow pause(Caller caller, String id) {
		return setStatus(caller, id, WorkflowStatus.PAUSED);
	}

	/** Resuming releases the steps held while paused (the engine listens for {@link WorkflowResumed}). */
	public Workflow resume(Caller caller, String id) {
		Workflow resumed = setStatus(caller, id, WorkflowStatus.ACTIVE);
		this.events.publishEvent(new WorkflowResumed(resumed.accountId(), resumed.id()));
		return resumed;
	}

	/** For the engine: the workflow as it is now, deleted or not, within the account. */
	public Optional<Workflow> workflowForRun(String accountId, String id) {
		return this.workflows.findById(id).filter(workflow -> workflow.accountId().equals(accountId));
	}

	/** For the trigger ingester: the account's ACTIVE workflows started by this kind of trigger. */
	public List<Workflow> activeWorkflows(String accountId, TriggerType type) {
		return this.workflows.findByAccountIdAndStatusAndDeletedAtIsNull(accountId, WorkflowStatus.ACTIVE)
			.stream()
			.filter(workflow -> workflow.trigger() != null && workflow.trigger().type() == type)
			.toList();
	}

	/** A copy starts PAUSED so that it does not fire alongside the original, and gets new step ids. */
	public Workflow copy(Caller caller, String id) {
		Workflow original = workflow(caller, id);
		String name = COPY_PREFIX + original.name();
		if (name.length() > WorkflowRules.MAX_NAME_LENGTH) {
			name = name.substring(0, WorkflowRules.MAX_NAME_LENGTH - 1).strip() + "…";
		}
		List<Workflow.Step> steps = original.steps()
			.stream()
			.map(step -> new Workflow.Step(newId(), step.kind(), step.senderUserId(), step.chatTemplateId(),
					step.waitMinutes()))
			.toList();
		Instant now = this.clock.instant();
		return this.workflows.insert(new Workflow(null, caller.accountId(), name, WorkflowStatus.PAUSED,
				original.trigger(), original.criteria(), original.reentryMinimumMinutes(), steps, caller.userId(), now,
				now, null, null));
	}

	/** Appends the step, or inserts it at a 0-based position. */
	public Workflow addStep(Caller caller, String workflowId, WorkflowStepInput input, Integer position,
			Integer expectedVersion) {
		workflow(caller, workflowId);
		Workflow.Step step = this.rules.step(caller, newId(), input);
		return change(caller, workflowId, expectedVersion, current -> {
			List<Workflow.Step> steps = new ArrayList<>(current.steps());
			if (steps.size() >= WorkflowRules.MAX_STEPS) {
				throw new DomainException.BadRequest(
						"A workflow holds at most " + WorkflowRules.MAX_STEPS + " steps; remove one first.");
			}
			int at = position == null ? steps.size() : position;
			if (at < 0 || at > steps.size()) {
				throw new DomainException.BadRequest("position must be 0 to " + steps.size()
						+ " (0 is first, " + steps.size() + " appends); it is " + at + ".");
			}
			steps.add(at, step);
			return new Update().set("steps", steps);
		});
	}

	/** Replaces what a step does; it keeps its id and position. */
	public Workflow updateStep(Caller caller, String workflowId, String stepId, WorkflowStepInput input,
			Integer expectedVersion) {
		indexOf(workflow(caller, workflowId), stepId);
		Workflow.Step step = this.rules.step(caller, stepId, input);
		return change(caller, workflowId, expectedVersion, current -> {
			List<Workflow.Step> steps = new ArrayList<>(current.steps());
			steps.set(indexOf(current, stepId), step);
			return new Update().set("steps", steps);
		});
	}

	public Workflow removeStep(Caller caller, String workflowId, String stepId, Integer expectedVersion) {
		return change(caller, workflowId, expectedVersion, current -> {
			List<Workflow.Step> steps = new ArrayList<>(current.steps());
			steps.remove(indexOf(current, stepId));
			return new Update().set("steps", steps);
		});
	}

	/** Moves a step to a 0-based position; the other steps keep their order. */
	public Workflow moveStep(Caller caller, String workflowId, String stepId, int position, Integer expectedVersion) {
		return change(caller, workflowId, expectedVersion, current -> {
			List<Workflow.Step> steps = new ArrayList<>(current.steps());
			int from = indexOf(current, stepId);
			if (position < 0 || position >= steps.size()) {
				throw new DomainException.BadRequest(
						"position must be 0 to " + (steps.size() - 1) + " (0 is first); it is " + position + ".");
			}
			if (from == position) {
				return null;
			}
			steps.add(position, steps.remove(from));
			return new Update().set("steps", steps);
		});
	}

	private Workflow setStatus(Caller caller, String id, WorkflowStatus status) {
		return change(caller, id, null,
				current -> current.status() == status ? null : new Update().set("status", status));
	}

	/**
	 * Applies a change computed from the current document, guarded by its version. The change
	 * returns null when there is nothing to write (e.g. pausing a paused workflow), and may throw
	 * BadRequest, in which case nothing is written.
	 */
	private Workflow change(Caller caller, String id, Integer expectedVersion, Function<Workflow, Update> change) {
		for (int attempt = 1;; attempt++) {
			Workflow current = workflow(caller, id);
			if (expectedVersion != null && current.version() != expectedVersion.longValue()) {
				throw conflict(current.version(), expectedVersion);
			}
			Update update = change.apply(current);
			if (update == null) {
				return current;
			}
			Workflow updated = this.mongo.findAndModify(
					Query.query(Criteria.where("_id").is(current.id())
						.and("accountId").is(caller.accountId())
						.and("deletedAt").isNull()
						.and("version").is(current.version())),
					update.set("updatedAt", this.clock.instant()).inc("version", 1),
					FindAndModifyOptions.options().returnNew(true), Workflow.class);
			if (updated != null) {
				return updated;
			}
			if (expectedVersion != null) {
				throw conflict(workflow(caller, id).version(), expectedVersion);
			}
			if (attempt == MAX_ATTEMPTS) {
				throw new DomainException.Conflict(
						"This workflow is being changed by others right now, so your change was not saved. Try again.");
			}
		}
	}

	private static int indexOf(Workflow workflow, String stepId) {
		for (int i = 0; i < workflow.steps().size(); i++) {
			if (workflow.steps().get(i).id().equals(stepId)) {
				return i;
			}
		}
		throw new DomainException.NotFound("Workflow step", stepId);
	}

	private static DomainException.Conflict conflict(long current, long yours) {
		return new DomainException.Conflict("This workflow was changed by someone else since you opened it (version "
				+ current + ", yours " + yours + "). Reload and try again.");
	}

	private static String newId() {
		return new ObjectId().toHexString();
	}

}
