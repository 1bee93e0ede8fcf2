package io.recruitflow.workflow;

import java.util.List;

/** The GraphQL input types of workflows, as bound from a request. */
final class WorkflowInputs {

	private WorkflowInputs() {
	}

	record WorkflowInput(String name, WorkflowTriggerInput trigger, List<CriterionInput> criteria,
			Integer reentryMinimumMinutes, Integer expectedVersion) {
	}

	record WorkflowTriggerInput(TriggerType type, String ctaId, String webCampaignId, String toStatus,
			String fromStatus) {
	}

	record CriterionInput(String field, CriterionOperator operator, List<String> values) {
	}

	record WorkflowStepInput(WorkflowStepKind kind, String senderUserId, String chatTemplateId, Integer waitMinutes) {
	}

}
