package io.recruitflow.workflow;

import java.util.List;

import io.recruitflow.account.AccountService;
import io.recruitflow.account.UserView;
import io.recruitflow.platform.Caller;
import io.recruitflow.workflow.WorkflowInputs.WorkflowInput;
import io.recruitflow.workflow.WorkflowInputs.WorkflowStepInput;
import io.recruitflow.workflow.WorkflowViews.CriteriaFieldView;
import io.recruitflow.workflow.WorkflowViews.WorkflowView;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class WorkflowController {

	private final WorkflowService workflows;

	private final WorkflowViews views;

	private final AccountService accounts;

	WorkflowController(WorkflowService workflows, WorkflowViews views, AccountService accounts) {
		this.workflows = workflows;
		this.views = views;
		this.accounts = accounts;
	}

	@QueryMapping
	List<WorkflowView> workflows(@Argument WorkflowStatus status, @Argument String search,
			@AuthenticationPrincipal Caller caller) {
		return this.views.of(caller, this.workflows.workflows(caller, status, search));
	}

	@QueryMapping
	WorkflowView workflow(@Argument String id, @AuthenticationPrincipal Caller caller) {
		return this.views.of(caller, this.workflows.workflow(caller, id));
	}

	@QueryMapping
	List<UserView> senders(@AuthenticationPrincipal Caller caller) {
		return this.accounts.senders(caller);
	}

	@QueryMapping
	List<CriteriaFieldView> criteriaFields(@AuthenticationPrincipal Caller caller) {
		return this.views.criteriaFields(caller);
	}

	@MutationMapping
	WorkflowView createWorkflow(@Argument WorkflowInput input, @AuthenticationPrincipal Caller caller) {
		return this.views.of(caller, this.workflows.create(caller, input));
	}

	@MutationMapping
	WorkflowView updateWorkflow(@Argument String id, @Argument WorkflowInput input,
			@AuthenticationPrincipal Caller caller) {
		return this.views.of(caller, this.workflows.update(caller, id, input));
	}

	@MutationMapping
	String deleteWorkflow(@Argument String id, @AuthenticationPrincipal Caller caller) {
		return this.workflows.delete(caller, id);
	}

	@MutationMapping
	WorkflowView pauseWorkflow(@Argument String id, @AuthenticationPrincipal Caller caller) {
		return this.views.of(caller, this.workflows.pause(caller, id));
	}

	@MutationMapping
	WorkflowView resumeWorkflow(@Argument String id, @AuthenticationPrincipal Caller caller) {
		return this.views.of(caller, this.workflows.resume(caller, id));
	}

	@MutationMapping
	WorkflowView copyWorkflow(@Argument String id, @AuthenticationPrincipal Caller caller) {
		return this.views.of(caller, this.workflows.copy(caller, id));
	}

	@MutationMapping
	WorkflowView addWorkflowStep(@Argument String workflowId, @Argument WorkflowStepInput input,
			@Argument Integer position, @Argument Integer expectedVersion, @AuthenticationPrincipal Caller caller) {
		return this.views.of(caller, this.workflows.addStep(caller, workflowId, input, position, expectedVersion));
	}

	@MutationMapping
	WorkflowView updateWorkflowStep(@Argument String workflowId, @Argument String stepId,
			@Argument WorkflowStepInput input, @Argument Integer expectedVersion,
			@AuthenticationPrincipal Caller caller) {
		return this.views.of(caller,
				this.workflows.updateStep(caller, workflowId, stepId, input, expectedVersion));
	}

	@MutationMapping
	WorkflowView removeWorkflowStep(@Argument String workflowId, @Argument String stepId,
			@Argument Integer expectedVersion, @AuthenticationPrincipal Caller caller) {
		return this.views.of(caller, this.workflows.removeStep(caller, workflowId, stepId, expectedVersion));
	}

	@MutationMapping
	WorkflowView moveWorkflowStep(@Argument String workflowId, @Argument String stepId, @Argument int position,
			@Argument Integer expectedVersion, @AuthenticationPrincipal Caller caller) {
		return this.views.of(caller,
				this.workflows.moveStep(caller, workflowId, stepId, position, expectedVersion));
	}

}
