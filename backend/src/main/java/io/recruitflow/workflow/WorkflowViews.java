package io.recruitflow.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.recruitflow.account.Account;
import io.recruitflow.account.AccountService;
import io.recruitflow.account.UserView;
import io.recruitflow.campaign.CampaignService;
import io.recruitflow.campaign.CtaView;
import io.recruitflow.campaign.WebCampaign;
import io.recruitflow.platform.Caller;
import io.recruitflow.template.ChatTemplate;
import io.recruitflow.template.ChatTemplateService;

import org.springframework.stereotype.Component;

/**
 * Workflows as the API shows them: references resolved (CTA, campaign, sender, template), the
 * sender rule applied, and whether each step can run. One set of lookups serves a whole list, so
 * a list costs the same few queries however many workflows and steps it has.
 */
@Component
class WorkflowViews {

	private final AccountService accounts;

	private final CampaignService campaigns;

	private final ChatTemplateService templates;

	WorkflowViews(AccountService accounts, CampaignService campaigns, ChatTemplateService templates) {
		this.accounts = accounts;
		this.campaigns = campaigns;
		this.templates = templates;
	}

	record WorkflowView(String id, String name, WorkflowStatus status, WorkflowTriggerView trigger,
			String triggerSummary, List<Criterion> criteria, int reentryMinimumMinutes, List<WorkflowStepView> steps,
			int stepCount, boolean valid, int version, Instant createdAt, Instant updatedAt, UserView createdBy) {
	}

	record WorkflowTriggerView(TriggerType type, CtaView cta, WebCampaign webCampaign, String toStatus,
			String fromStatus) {
	}

	record WorkflowStepView(String id, WorkflowStepKind kind, int position, UserView sender, String senderNumber,
			String fromName, ChatTemplate chatTemplate, Integer waitMinutes, boolean valid, String problem) {
	}

	record CriteriaFieldView(String field, String label, List<CriterionOperator> operators, List<String> values) {
	}

	WorkflowView of(Caller caller, Workflow workflow) {
		return of(caller, List.of(workflow)).getFirst();
	}

	List<WorkflowView> of(Caller caller, List<Workflow> workflows) {
		if (workflows.isEmpty()) {
			return List.of();
		}
		Map<String, UserView> users = this.accounts.usersById(caller);
		List<String> templateIds = workflows.stream()
			.flatMap(workflow -> workflow.steps().stream())
			.map(Workflow.Step::chatTemplateId)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		Map<String, ChatTemplate> templates = this.templates.templatesById(caller, templateIds);
		List<WebCampaign> campaigns = this.campaigns.campaigns(caller);
		Map<String, WebCampaign> campaignsById = campaigns.stream()
			.collect(Collectors.toMap(WebCampaign::id, Function.identity()));
		Map<String, CtaView> ctas = CampaignService.ctas(campaigns)
			.stream()
			.collect(Collectors.toMap(CtaView::id, Function.identity(), (first, second) -> first));
		return workflows.stream().map(workflow -> {
			List<WorkflowStepView> steps = new ArrayList<>();
			for (int i = 0; i < workflow.steps().size(); i++) {
				steps.add(step(workflow.steps().get(i), i, users, templates));
			}
			Workflow.Trigger trigger = workflow.trigger();
			CtaView cta = trigger.ctaId() == null ? null : ctas.get(trigger.ctaId());
			WebCampaign campaign = trigger.webCampaignId() == null ? null : campaignsById.get(trigger.webCampaignId());
			return new WorkflowView(workflow.id(), workflow.name(), workflow.status(),
					new WorkflowTriggerView(trigger.type(), cta, campaign, trigger.toStatus(), trigger.fromStatus()),
					summary(trigger, cta, campaign), workflow.criteria(), workflow.reentryMinimumMinutes(), steps,
					steps.size(), steps.stream().allMatch(WorkflowStepView::valid),
					workflow.version() == null ? 0 : workflow.version().intValue(), workflow.createdAt(),
					workflow.updatedAt(), users.get(workflow.createdByUserId()));
		}).toList();
	}

	List<CriteriaFieldView> criteriaFields(Caller caller) {
		Account account = this.accounts.account(caller);
		return Arrays.stream(CandidateField.values())
			.map(field -> new CriteriaFieldView(field.field(), field.label(), field.operators(),
					field == CandidateField.ATS_STATUS ? account.atsStatuses() : List.of()))
			.toList();
	}

	private static WorkflowStepView step(Workflow.Step step, int position, Map<String, UserView> users,
			Map<String, ChatTemplate> templates) {
		if (step.kind() == WorkflowStepKind.WAIT) {
			return new WorkflowStepView(step.id(), step.kind(), position, null, null, null, null, step.waitMinutes(),
					true, null);
		}
		UserView sender = users.get(step.senderUserId());
		ChatTemplate template = templates.get(step.chatTemplateId());
		List<String> problems = new ArrayList<>();
		if (sender == null) {
			problems.add("The sender no longer exists; choose another sender.");
		}
		else if (!sender.active()) {
			problems.add("The sender " + sender.name() + " is inactive; choose an active sender.");
		}
		if (template == null) {
			problems.add("The chat template no longer exists; choose another template.");
		}
		else if (template.deleted()) {
			problems.add("The chat template “" + template.name() + "” was deleted; choose another template.");
		}
		return new WorkflowStepView(step.id(), step.kind(), position, sender,
				sender == null ? null : sender.senderNumber(), sender == null ? null : sender.fromName(), template, null,
				problems.isEmpty(), problems.isEmpty() ? null : String.join(" ", problems));
	}

	/** One line a recruiter reads in the list, e.g. CTA “Apply now” on Graduate Program 2027. */
	static String summary(Workflow.Trigger trigger, CtaView cta, WebCampaign campaign) {
		return switch (trigger.type()) {
			case CTA_COMPLETED -> {
				if (cta == null) {
					yield "CTA that no longer exists";
				}
				yield "CTA “" + cta.label() + "” " + (campaign != null ? "on " + campaign.name() : "(any campaign)");
			}
			case ATS_STATUS_CHANGED -> "ATS status changes "
					+ (trigger.fromStatus() != null ? "from " + trigger.fromStatus() + " " : "") + "to "
					+ trigger.toStatus();
		};
	}

}
