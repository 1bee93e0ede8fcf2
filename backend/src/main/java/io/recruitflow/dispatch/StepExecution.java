package io.recruitflow.dispatch;

import java.time.Instant;

import io.recruitflow.workflow.WorkflowStepKind;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One step of one run: the unit of work of the queue. Unique on (workflow, step, candidate,
 * trigger event), so enqueuing it twice keeps one. {@code generation} counts manual retries: the
 * credit debit of each generation has its own idempotency key.
 *
 * @param context what the trigger event knew that templates may show (campaign, CTA, job)
 * @param sms what is being or was sent (Chat Message steps, from SENDING on)
 * @param sendingSince when the provider call began, for reconciling after a crash
 * <p>
 * A step that gave up after it was paid also carries the refund it owes until the refund is made
 * ({@code refundDue}, see {@link OwedRefunds}).
 */
@Document("stepExecutions")
@CompoundIndexes({
		@CompoundIndex(name = "run_key", def = "{'workflowId': 1, 'stepId': 1, 'candidateId': 1, 'triggerEventId': 1}",
				unique = true),
		@CompoundIndex(name = "due", def = "{'state': 1, 'dueAt': 1}"),
		@CompoundIndex(name = "lease", def = "{'state': 1, 'leaseUntil': 1}"),
		@CompoundIndex(name = "run_steps", def = "{'runId': 1, 'position': 1}"),
		@CompoundIndex(name = "refund_due", def = "{'refundDue': 1}", sparse = true) })
public record StepExecution(@Id String id, String accountId, String workflowId, String runId, String stepId,
		WorkflowStepKind kind, int position, String candidateId, String triggerEventId, RunContext context,
		StepState state, Instant dueAt, int attempts, int generation, Instant leaseUntil, String owner,
		String reason, String lastError, PreparedSms sms, Instant sendingSince, int reconcileAttempts,
		String providerMessageId, String messageId, Instant createdAt, Instant updatedAt) {

	/**
	 * The SMS as rendered and paid for just before the provider call, kept so that a step recovered
	 * after a crash records exactly what was sent.
	 */
	public record PreparedSms(String from, String to, String text, String encoding, int segments, int credits,
			String senderUserId) {
	}

	String debitKey() {
		return "debit:" + this.id + ":" + this.generation;
	}

	String refundKey() {
		return "refund:" + this.id + ":" + this.generation;
	}

}
