package io.recruitflow.dispatch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.recruitflow.candidate.Candidate;
import io.recruitflow.candidate.CandidateService;
import io.recruitflow.inbox.InboxService;
import io.recruitflow.inbox.SmsMessage;
import io.recruitflow.platform.Caller;
import io.recruitflow.platform.DomainException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** Workflow runs, their steps, and the actions on a step. */
@Controller
class RunHistoryController {

	static final int DEFAULT_PAGE = 25;

	static final int MAX_PAGE = 100;

	private final RunHistoryService history;

	private final CandidateService candidates;

	private final InboxService inbox;

	RunHistoryController(RunHistoryService history, CandidateService candidates, InboxService inbox) {
		this.history = history;
		this.candidates = candidates;
		this.inbox = inbox;
	}

	@QueryMapping
	Map<String, Object> workflowRuns(@Argument String workflowId, @Argument StepState state, @Argument String search,
			@Argument Integer first, @Argument String after, @AuthenticationPrincipal Caller caller) {
		int size = first == null ? DEFAULT_PAGE : first;
		if (size < 1 || size > MAX_PAGE) {
			throw new DomainException.BadRequest("first must be 1 to " + MAX_PAGE + ".");
		}
		RunHistoryService.RunPage page = this.history.runs(caller, workflowId, state, search, size, after);
		List<Map<String, Object>> edges = page.runs()
			.stream()
			.map(run -> Map.<String, Object>of("cursor", run.id(), "node", run))
			.toList();
		Map<String, Object> pageInfo = new HashMap<>();
		pageInfo.put("hasNextPage", page.hasNext());
		pageInfo.put("endCursor", page.runs().isEmpty() ? null : page.runs().getLast().id());
		return Map.of("edges", edges, "pageInfo", pageInfo);
	}

	@MutationMapping
	StepExecution retryStep(@Argument String id, @AuthenticationPrincipal Caller caller) {
		return this.history.retry(caller, id);
	}

	@MutationMapping
	StepExecution resolveUnconfirmedStep(@Argument String id, @Argument boolean sent,
			@AuthenticationPrincipal Caller caller) {
		return this.history.resolveUnconfirmed(caller, id, sent);
	}

	@BatchMapping(typeName = "WorkflowRun")
	Map<WorkflowRun, List<StepExecution>> steps(List<WorkflowRun> runs) {
		Map<String, List<StepExecution>> byRun = this.history.steps(runs);
		return runs.stream().collect(Collectors.toMap(Function.identity(), run -> byRun.getOrDefault(run.id(), List.of())));
	}

	@BatchMapping(typeName = "WorkflowRun")
	Map<WorkflowRun, Candidate> candidate(List<WorkflowRun> runs) {
		Map<String, Candidate> byId = this.candidates
			.candidatesForRuns(runs.getFirst().accountId(), runs.stream().map(WorkflowRun::candidateId).distinct().toList());
		return runs.stream()
			.filter(run -> byId.containsKey(run.candidateId()))
			.collect(Collectors.toMap(Function.identity(), run -> byId.get(run.candidateId())));
	}

	@BatchMapping(typeName = "StepExecution")
	Map<StepExecution, SmsMessage> message(List<StepExecution> steps) {
		Map<String, SmsMessage> byStep = this.inbox
			.byStepExecutions(steps.stream().filter(step -> step.messageId() != null).map(StepExecution::id).toList());
		return steps.stream()
			.filter(step -> byStep.containsKey(step.id()))
			.collect(Collectors.toMap(Function.identity(), step -> byStep.get(step.id())));
	}

	@SchemaMapping(typeName = "StepExecution")
	boolean retryable(StepExecution step) {
		return step.kind() == io.recruitflow.workflow.WorkflowStepKind.CHAT_MESSAGE
				&& (step.state() == StepState.FAILED || step.state() == StepState.DEAD);
	}

}
