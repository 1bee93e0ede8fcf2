package io.recruitflow.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

import io.recruitflow.account.Account;
import io.recruitflow.account.AccountService;
import io.recruitflow.account.CreditService;
import io.recruitflow.account.UserView;
import io.recruitflow.candidate.Candidate;
import io.recruitflow.candidate.CandidateService;
import io.recruitflow.dispatch.StepExecution.PreparedSms;
import io.recruitflow.inbox.InboxService;
import io.recruitflow.inbox.OutboundMessage;
import io.recruitflow.inbox.SmsMessage;
import io.recruitflow.platform.Caller;
import io.recruitflow.sms.SmsGateway;
import io.recruitflow.sms.SmsGateway.OutboundSms;
import io.recruitflow.sms.SmsGateway.SendReceipt;
import io.recruitflow.sms.SmsSendException;
import io.recruitflow.template.ChatTemplate;
import io.recruitflow.template.ChatTemplateRenderer;
import io.recruitflow.template.ChatTemplateService;
import io.recruitflow.template.MergeValues;
import io.recruitflow.template.SmsMeasure;
import io.recruitflow.template.SmsMeasurer;
import io.recruitflow.workflow.Workflow;
import io.recruitflow.workflow.WorkflowService;
import io.recruitflow.workflow.WorkflowStepKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed step. The Chat Message step, in order: still active (else HELD), candidate
 * reachable (else SKIPPED with the reason), render, debit credits (idempotent per attempt
 * generation; short → SKIPPED "insufficient SMS credits", provider never called), mark SENDING
 * with the rendered SMS, call the provider, record the message (idempotent per step), mark SENT,
 * enqueue the next step. A step found SENDING after a crash is reconciled, never blindly resent.
 */
@Component
class StepRunner {

	static final String INSUFFICIENT_CREDITS = "insufficient SMS credits";

	/** MessageBird's "not enough balance": the provider account, not ours, is empty. */
	static final int PROVIDER_NO_BALANCE = 25;

	private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final StepQueue queue;

	private final RunStarter runs;

	private final WorkflowService workflows;

	private final CandidateService candidates;

	private final AccountService accounts;

	private final ChatTemplateService templates;

	private final CreditService credits;

	private final OwedRefunds refunds;

	private final SmsGateway gateway;

	private final InboxService inbox;

	private final DispatchProperties properties;

	private final Clock clock;

	StepRunner(StepQueue queue, RunStarter runs, WorkflowService workflows, CandidateService candidates,
			AccountService accounts, ChatTemplateService templates, CreditService credits, OwedRefunds refunds,
			SmsGateway gateway, InboxService inbox, DispatchProperties properties, Clock clock) {
		this.queue = queue;
		this.runs = runs;
		this.workflows = workflows;
		this.candidates = candidates;
		this.accounts = accounts;
		this.templates = templates;
		this.credits = credits;
		this.refunds = refunds;
		this.gateway = gateway;
		this.inbox = inbox;
		this.properties = properties;
		this.clock = clock;
	}

	void run(StepExecution step) {
		if (step.state() == StepState.SENDING) {
			reconcile(step);
			return;
		}
		Optional<Workflow> found = this.workflows.workflowForRun(step.accountId(), step.workflowId());
		if (found.isEmpty() || found.get().deletedAt() != null) {
			finish(step, StepState.SKIPPED, "the workflow was deleted");
			return;
		}
		Workflow workflow = found.get();
		if (!workflow.active()) {
			hold(step);
			return;
		}
		Optional<Workflow.Step> definition = workflow.steps().stream().filter(s -> s.id().equals(step.stepId())).findFirst();
		if (definition.isEmpty()) {
			finish(step, StepState.SKIPPED, "the step was removed from the workflow");
			return;
		}
		if (step.kind() == WorkflowStepKind.WAIT) {
			// Next step first: a crash in between re-runs this step, whose enqueue is then a no-op.
			boolean more = this.runs.enqueueNext(step, workflow);
			this.queue.transition(step, StepState.CLAIMED,
					new Update().set("state", StepState.SENT).set("reason", null).set("leaseUntil", null));
			if (!more) {
				this.queue.updateRunState(step.runId(), StepState.SENT);
			}
			return;
		}
		sendChatMessage(step, workflow, definition.get());
	}

	private void sendChatMessage(StepExecution step, Workflow workflow, Workflow.Step definition) {
		Caller engine = Caller.system(step.accountId());
		Optional<Candidate> candidate = this.candidates.candidateForRun(step.accountId(), step.candidateId());
		if (candidate.isEmpty()) {
			finish(step, StepState.SKIPPED, "the candidate no longer exists");
			return;
		}
		Candidate to = candidate.get();
		if (to.smsOptOut() != null) {
			finish(step, StepState.SKIPPED, "opted out of SMS (texted " + to.smsOptOut().keyword() + " on "
					+ DAY.format(to.smsOptOut().at()) + ")");
			return;
		}
		if (to.mobile() == null) {
			finish(step, StepState.SKIPPED,
					to.mobileProblem() != null ? "no valid mobile: " + to.mobileProblem() : "no valid mobile number");
			return;
		}
		Account account = this.accounts.account(engine);
		Optional<UserView> sender = this.accounts.user(account, definition.senderUserId()).filter(UserView::active);
		if (sender.isEmpty()) {
			finish(step, StepState.SKIPPED, "the sender is no longer an active user");
			return;
		}
		Optional<ChatTemplate> template = this.templates.activeTemplate(engine, definition.chatTemplateId());
		if (template.isEmpty()) {
			finish(step, StepState.SKIPPED, "the chat template was deleted");
			return;
		}
		RunContext context = step.context() == null ? new RunContext(null, null, null) : step.context();
		UserView from = sender.get();
		String text = ChatTemplateRenderer.render(template.get().body(),
				new MergeValues(to.firstName(), to.lastName(), from.name(), from.fromName(), account.name(),
						context.campaignName(), context.ctaLabel(), context.jobTitle(), account.optOutSentence()));
		SmsMeasure measure = SmsMeasurer.measure(text);
		if (measure.characters() > SmsMeasurer.MAX_CHARACTERS) {
			finish(step, StepState.FAILED, "the message is " + measure.characters() + " characters once filled in; "
					+ "the most an SMS can carry is " + SmsMeasurer.MAX_CHARACTERS + ". Shorten the template.");
			return;
		}
		if (!this.credits.debit(step.accountId(), measure.credits(), step.debitKey(), "SMS to " + to.fullName(),
				step.id())) {
			finish(step, StepState.SKIPPED, INSUFFICIENT_CREDITS);
			return;
		}
		PreparedSms sms = new PreparedSms(from.senderNumber(), to.mobile(), text, measure.encoding().name(),
				measure.segments(), measure.credits(), from.id());
		Instant now = this.clock.instant();
		Optional<StepExecution> sending = this.queue.transition(step, StepState.CLAIMED,
				new Update().set("state", StepState.SENDING)
					.set("sms", sms)
					.set("sendingSince", now)
					.set("leaseUntil", now.plus(this.properties.lease()))
					.inc("attempts", 1));
		if (sending.isEmpty()) {
			return;
		}
		this.queue.updateRunState(step.runId(), StepState.SENDING);
		callProvider(sending.get(), Optional.of(workflow));
	}

	/**
	 * Sends, except that a repeat attempt first asks the provider for our reference: a timed-out or
	 * interrupted earlier attempt may have been accepted, and sending again would double it.
	 */
	private void callProvider(StepExecution step, Optional<Workflow> workflow) {
		PreparedSms sms = step.sms();
		try {
			if (step.attempts() > 1) {
				Optional<SendReceipt> earlier = this.gateway.findSent(step.id(), sms.to(),
						step.createdAt().minus(Duration.ofMinutes(1)));
				if (earlier.isPresent()) {
					completeSent(step, earlier.get().providerMessageId(), workflow);
					return;
				}
			}
			SendReceipt receipt = this.gateway.send(new OutboundSms(sms.from(), sms.to(), sms.text(), step.id()));
			completeSent(step, receipt.providerMessageId(), workflow);
		}
		catch (SmsSendException ex) {
			failed(step, ex);
		}
	}

	/**
	 * Records the message (once per step), enqueues the next step (once), then marks this one SENT.
	 * In that order, a crash anywhere leaves the step SENDING, and reconciling it repeats only
	 * no-ops before finishing the job.
	 */
	private void completeSent(StepExecution step, String providerMessageId, Optional<Workflow> workflow) {
		PreparedSms sms = step.sms();
		completeSent(step, this.inbox.recordOutbound(new OutboundMessage(step.accountId(), step.candidateId(),
				sms.from(), sms.to(), sms.text(), sms.encoding(), sms.segments(), sms.senderUserId(), step.workflowId(),
				step.id(), providerMessageId, this.gateway.sandbox())), workflow);
	}

	/** As above, for a message already recorded: recording it again would touch its conversation again. */
	private void completeSent(StepExecution step, SmsMessage message, Optional<Workflow> workflow) {
		boolean more = workflow.map(current -> this.runs.enqueueNext(step, current)).orElse(false);
		Optional<StepExecution> sent = this.queue.transition(step, step.state(),
				new Update().set("state", StepState.SENT)
					.set("providerMessageId", message.providerMessageId())
					.set("messageId", message.id())
					.set("reason", null)
					.set("leaseUntil", null));
		if (sent.isPresent() && !more) {
			this.queue.updateRunState(step.runId(), StepState.SENT);
		}
	}

	private void failed(StepExecution step, SmsSendException ex) {
		if (!ex.retryable()) {
			String reason = ex.providerCode() != null && ex.providerCode() == PROVIDER_NO_BALANCE
					? "the MessageBird account has no balance left; top it up with MessageBird, then retry"
					: ex.getMessage();
			giveUp(step, StepState.FAILED, reason, ex.getMessage());
			return;
		}
		if (step.attempts() >= this.properties.maxAttempts()) {
			giveUp(step, StepState.DEAD, "gave up after " + step.attempts() + " attempts: " + ex.getMessage(),
					ex.getMessage());
			return;
		}
		Instant retryAt = this.clock.instant().plus(backoff(step.attempts()));
		Optional<StepExecution> retry = this.queue.transition(step, StepState.SENDING,
				new Update().set("state", StepState.PENDING)
					.set("dueAt", retryAt)
					.set("lastError", ex.getMessage())
					.set("reason", "retrying: " + ex.getMessage())
					.set("owner", null)
					.set("leaseUntil", null)
					.set("sendingSince", null));
		if (retry.isPresent()) {
			this.queue.updateRunState(step.runId(), StepState.PENDING);
		}
	}

	/**
	 * A step found SENDING whose worker died. If the message was recorded, or the provider has it
	 * (looked up by our reference), it was sent: complete it. If the provider answers that it does
	 * not have it, send again — the credits of this attempt are already paid. If the provider cannot
	 * be asked, try again later, and after a few tries hold it UNCONFIRMED for a recruiter.
	 */
	private void reconcile(StepExecution step) {
		Optional<Workflow> workflow = this.workflows.workflowForRun(step.accountId(), step.workflowId());
		Optional<SmsMessage> recorded = this.inbox.byStepExecution(step.id());
		if (recorded.isPresent()) {
			completeSent(step, recorded.get(), workflow);
			return;
		}
		Instant now = this.clock.instant();
		Instant askFrom = step.sendingSince().plus(this.properties.reconcileDelay());
		if (now.isBefore(askFrom)) {
			this.queue.transition(step, StepState.SENDING, new Update().set("leaseUntil", askFrom).set("owner", null));
			return;
		}
		PreparedSms sms = step.sms();
		try {
			Optional<SendReceipt> found = this.gateway.findSent(step.id(), sms.to(),
					step.sendingSince().minus(Duration.ofMinutes(1)));
			if (found.isPresent()) {
				completeSent(step, found.get().providerMessageId(), workflow);
				return;
			}
			log.info("Step {} was not sent before the crash; sending it now", step.id());
			Optional<StepExecution> resend = this.queue.transition(step, StepState.SENDING,
					new Update().set("sendingSince", now).set("leaseUntil", now.plus(this.properties.lease())).inc("attempts", 1));
			if (resend.isPresent()) {
				callProvider(resend.get(), workflow);
			}
		}
		catch (SmsSendException ex) {
			if (step.reconcileAttempts() + 1 >= this.properties.maxReconcileAttempts()) {
				this.queue.transition(step, StepState.SENDING,
						new Update().set("state", StepState.UNCONFIRMED)
							.set("reason", "the app stopped while sending, and MessageBird could not confirm whether "
									+ "the SMS went out; check with the candidate, then mark it sent or send it again")
							.set("lastError", ex.getMessage())
							.set("leaseUntil", null));
				this.queue.updateRunState(step.runId(), StepState.UNCONFIRMED);
				return;
			}
			this.queue.transition(step, StepState.SENDING,
					new Update().inc("reconcileAttempts", 1)
						.set("lastError", ex.getMessage())
						.set("owner", null)
						.set("leaseUntil", now.plus(backoff(step.reconcileAttempts() + 1))));
		}
	}


	private void hold(StepExecution step) {
		this.queue.transition(step, StepState.CLAIMED,
				new Update().set("state", StepState.HELD)
					.set("reason", "held: the workflow is paused; it runs when the workflow is started again")
					.set("owner", null)
					.set("leaseUntil", null));
		this.queue.updateRunState(step.runId(), StepState.HELD);
	}

	/**
	 * Ends a claimed step unsent. A Chat Message step re-run after a stop between its debit and
	 * SENDING may have been paid by that earlier run: then the credits go back as for a step that
	 * gave up.
	 */
	private void finish(StepExecution step, StepState state, String reason) {
		OwedRefunds.Owed owed = null;
		if (step.kind() == WorkflowStepKind.CHAT_MESSAGE) {
			OptionalLong paid = this.credits.debited(step.accountId(), step.debitKey());
			if (paid.isPresent()) {
				owed = new OwedRefunds.Owed(step.id(), step.accountId(), step.refundKey(), paid.getAsLong());
			}
		}
		endUnsent(step, StepState.CLAIMED, state, new Update().set("reason", reason), owed);
	}

	/** Ends a step that was sending unsent, giving back what it was paid. */
	private void giveUp(StepExecution step, StepState state, String reason, String lastError) {
		OwedRefunds.Owed owed = step.sms() == null ? null
				: new OwedRefunds.Owed(step.id(), step.accountId(), step.refundKey(), step.sms().credits());
		endUnsent(step, StepState.SENDING, state, new Update().set("reason", reason).set("lastError", lastError), owed);
	}

	/**
	 * Moves the step from {@code from} to the final {@code state}. A refund it owes goes in the same
	 * write and is made after it, so a crash in between leaves it for {@link OwedRefunds#sweep}.
	 */
	private void endUnsent(StepExecution step, StepState from, StepState state, Update update, OwedRefunds.Owed owed) {
		update.set("state", state).set("leaseUntil", null);
		if (owed != null) {
			OwedRefunds.owe(update, owed);
		}
		if (this.queue.transition(step, from, update).isPresent()) {
			this.queue.updateRunState(step.runId(), state);
			if (owed != null) {
				this.refunds.make(owed);
			}
		}
	}

	/** Exponential, with half of it random so that retries after an outage do not arrive all at once. */
	Duration backoff(int attempt) {
		long base = this.properties.backoffBase().toMillis();
		long cap = this.properties.backoffMax().toMillis();
		long ceiling = Math.min(cap, base * (1L << Math.min(20, Math.max(0, attempt - 1))));
		return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
	}

}
