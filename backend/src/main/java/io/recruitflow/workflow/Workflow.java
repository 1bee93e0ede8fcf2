package io.recruitflow.workflow;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A workflow with its steps embedded, so that every change is one atomic single-document update.
 * {@code version} grows by one on every change and guards each write; {@code deletedAt} set means
 * deleted (kept for run history, hidden everywhere else).
 */
@Document("workflows")
public record Workflow(@Id String id, @Indexed String accountId, String name, WorkflowStatus status, Trigger trigger,
		List<Criterion> criteria, int reentryMinimumMinutes, List<Step> steps, String createdByUserId,
		Instant createdAt, Instant updatedAt, Instant deletedAt, @Version Long version) {

	public Workflow {
		criteria = criteria == null ? List.of() : List.copyOf(criteria);
		steps = steps == null ? List.of() : List.copyOf(steps);
	}

	public boolean active() {
		return this.status == WorkflowStatus.ACTIVE;
	}

	/**
	 * What starts a run. CTA_COMPLETED: {@code ctaId}, and {@code webCampaignId} when the CTA must be
	 * completed inside that campaign. ATS_STATUS_CHANGED: {@code toStatus}, and {@code fromStatus}
	 * when only changes from that status count.
	 */
	public record Trigger(TriggerType type, String ctaId, String webCampaignId, String toStatus, String fromStatus) {
	}

	/**
	 * A step with an id that never changes, so executions can point at it while steps are added,
	 * moved or removed. CHAT_MESSAGE uses sender and template; WAIT uses {@code waitMinutes}.
	 */
	public record Step(String id, WorkflowStepKind kind, String senderUserId, String chatTemplateId,
			Integer waitMinutes) {
	}

}
