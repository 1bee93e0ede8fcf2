package io.recruitflow.trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.recruitflow.account.Account;
import io.recruitflow.account.AccountService;
import io.recruitflow.campaign.CampaignService;
import io.recruitflow.campaign.WebCampaign;
import io.recruitflow.candidate.Candidate;
import io.recruitflow.candidate.CandidateData;
import io.recruitflow.candidate.CandidateService;
import io.recruitflow.dispatch.RunContext;
import io.recruitflow.dispatch.RunStarter;
import io.recruitflow.platform.Caller;
import io.recruitflow.platform.DomainException;
import io.recruitflow.trigger.TriggerInputs.AtsStatusChangeInput;
import io.recruitflow.trigger.TriggerInputs.CtaCompletionInput;
import io.recruitflow.workflow.CriteriaEvaluator;
import io.recruitflow.workflow.TriggerType;
import io.recruitflow.workflow.Workflow;
import io.recruitflow.workflow.WorkflowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Receives trigger events once per eventId and starts the matching workflows. The order makes
 * every crash recoverable without doubling anything: validate everything (nothing written on bad
 * input), record the candidate, store the event (unique eventId), start each matching run
 * (idempotent), and only then mark the event processed. A repeated eventId returns the stored
 * receipt — after finishing the event if a crash had interrupted it.
 */
@Service
class TriggerService {

	static final int MAX_EVENT_ID = 200;

	static final int MAX_JOB_TITLE = 200;

	private static final Logger log = LoggerFactory.getLogger(TriggerService.class);

	private final MongoTemplate mongo;

	private final AccountService accounts;

	private final CampaignService campaigns;

	private final CandidateService candidates;

	private final WorkflowService workflows;

	private final RunStarter runs;

	private final ReentryGate reentry;

	private final Clock clock;

	private final int maxBatch;

	TriggerService(MongoTemplate mongo, AccountService accounts, CampaignService campaigns,
			CandidateService candidates, WorkflowService workflows, RunStarter runs, ReentryGate reentry, Clock clock,
			@Value("${recruitflow.trigger.max-batch:100}") int maxBatch) {
		this.mongo = mongo;
		this.accounts = accounts;
		this.campaigns = campaigns;
		this.candidates = candidates;
		this.workflows = workflows;
		this.runs = runs;
		this.reentry = reentry;
		this.clock = clock;
		this.maxBatch = maxBatch;
	}

	/**
	 * What every event of one request reads alike — the account, its web campaigns, its active
	 * workflows — read at most once per request: a batch of 100 events reads them once. A workflow
	 * paused while a batch is being recorded may still start runs for its later events; their
	 * steps are held when claimed, as for any run started just before a pause.
	 */
	private final class RequestView {

		private final Caller caller;

		private Account account;

		private List<WebCampaign> campaigns;

		private final Map<TriggerType, List<Workflow>> active = new EnumMap<>(TriggerType.class);

		RequestView(Caller caller) {
			this.caller = caller;
		}

		Account account() {
			if (this.account == null) {
				this.account = TriggerService.this.accounts.account(this.caller);
			}
			return this.account;
		}

		List<WebCampaign> campaigns() {
			if (this.campaigns == null) {
				this.campaigns = TriggerService.this.campaigns.campaigns(this.caller);
			}
			return this.campaigns;
		}

		List<Workflow> activeWorkflows(TriggerType source) {
			return this.active.computeIfAbsent(source,
					type -> TriggerService.this.workflows.activeWorkflows(this.caller.accountId(), type));
		}

	}

	TriggerReceipt recordCtaCompletion(Caller caller, CtaCompletionInput input) {
		return recordCtaCompletion(new RequestView(caller), input);
	}

	TriggerReceipt recordAtsStatusChange(Caller caller, AtsStatusChangeInput input) {
		return recordAtsStatusChange(new RequestView(caller), input);
	}

	List<TriggerResult> recordCtaCompletions(Caller caller, List<CtaCompletionInput> inputs) {
		RequestView view = new RequestView(caller);
		return batch(inputs, CtaCompletionInput::eventId, input -> recordCtaCompletion(view, input));
	}

	List<TriggerResult> recordAtsStatusChanges(Caller caller, List<AtsStatusChangeInput> inputs) {
		RequestView view = new RequestView(caller);
		return batch(inputs, AtsStatusChangeInput::eventId, input -> recordAtsStatusChange(view, input));
	}

	private TriggerReceipt recordCtaCompletion(RequestView view, CtaCompletionInput input) {
		Caller caller = view.caller;
		authorize(caller);
		String eventId = eventId(input.eventId());
		Optional<TriggerReceipt> duplicate = duplicate(view, TriggerType.CTA_COMPLETED, eventId);
		if (duplicate.isPresent()) {
			return duplicate.get();
		}
		String ctaId = required("ctaId", input.ctaId());
		List<WebCampaign> withCta = view.campaigns()
			.stream()
			.filter(campaign -> campaign.ctas() != null && campaign.ctas().stream().anyMatch(cta -> cta.id().equals(ctaId)))
			.toList();
		if (withCta.isEmpty()) {
			throw new DomainException.BadRequest(
					"ctaId '" + ctaId + "' is not a CTA of any of your web campaigns. The webCampaigns query lists them.");
		}
		WebCampaign campaign = null;
		if (input.webCampaignId() != null) {
			WebCampaign named = view.campaigns()
				.stream()
				.filter(candidate -> candidate.id().equals(input.webCampaignId()))
				.findFirst()
				.orElseThrow(() -> new DomainException.BadRequest(
						"webCampaignId '" + input.webCampaignId() + "' is not one of your web campaigns."));
			if (!withCta.contains(named)) {
				throw new DomainException.BadRequest("The CTA '" + label(withCta.getFirst(), ctaId)
						+ "' is not on the web campaign '" + named.name() + "'.");
			}
			campaign = named;
		}
		else if (withCta.size() == 1) {
			campaign = withCta.getFirst();
		}
		checkCandidateAndJob(input.candidate() == null ? null : input.candidate().toData(), input.jobTitle());
		CandidateService.Upserted candidate = this.candidates.upsert(caller.accountId(), view.account().country(),
				input.candidate().toData(), null);
		TriggerEvent event = store(new TriggerEvent(null, caller.accountId(), TriggerType.CTA_COMPLETED, eventId,
				candidate.candidate().id(), candidate.candidate().fullName(), ctaId,
				campaign == null ? null : campaign.id(), campaign == null ? null : campaign.name(),
				label(withCta.getFirst(), ctaId), null, null, blankToNull(input.jobTitle()), input.occurredAt(),
				this.clock.instant(), null, null, candidate.candidate().mobileProblem()));
		return receipt(process(event, candidate.candidate(), view), event.id() == null, candidate.candidate());
	}

	private TriggerReceipt recordAtsStatusChange(RequestView view, AtsStatusChangeInput input) {
		Caller caller = view.caller;
		authorize(caller);
		String eventId = eventId(input.eventId());
		Optional<TriggerReceipt> duplicate = duplicate(view, TriggerType.ATS_STATUS_CHANGED, eventId);
		if (duplicate.isPresent()) {
			return duplicate.get();
		}
		Account account = view.account();
		String toStatus = status(account, "toStatus", required("toStatus", input.toStatus()));
		String fromStatus = input.fromStatus() == null ? null : status(account, "fromStatus", input.fromStatus());
		checkCandidateAndJob(input.candidate() == null ? null : input.candidate().toData(), input.jobTitle());
		CandidateService.Upserted candidate = this.candidates.upsert(caller.accountId(), account.country(),
				input.candidate().toData(), toStatus);
		String from = fromStatus != null ? fromStatus : candidate.previousAtsStatus();
		TriggerEvent event = store(new TriggerEvent(null, caller.accountId(), TriggerType.ATS_STATUS_CHANGED, eventId,
				candidate.candidate().id(), candidate.candidate().fullName(), null, null, null, null, toStatus, from,
				blankToNull(input.jobTitle()), input.occurredAt(), this.clock.instant(), null, null,
				candidate.candidate().mobileProblem()));
		return receipt(process(event, candidate.candidate(), view), event.id() == null, candidate.candidate());
	}

	/** One result per item, in order; a bad item is reported and the others still recorded. */
	private <T> List<TriggerResult> batch(List<T> inputs, java.util.function.Function<T, String> eventIdOf,
			java.util.function.Function<T, TriggerReceipt> record) {
		if (inputs.size() > this.maxBatch) {
			throw new DomainException.BadRequest("A batch takes at most " + this.maxBatch + " events; this one has "
					+ inputs.size() + ". Split it into smaller batches.");
		}
		List<TriggerResult> results = new ArrayList<>(inputs.size());
		for (T input : inputs) {
			try {
				TriggerReceipt receipt = record.apply(input);
				results.add(new TriggerResult(receipt.eventId(), receipt, null, null));
			}
			catch (DomainException ex) {
				results.add(new TriggerResult(eventIdOf.apply(input), null, ex.getMessage(), classification(ex)));
			}
		}
		return results;
	}

	/** Finishes events that a crash interrupted before all their runs were started. */
	@Scheduled(fixedDelayString = "${recruitflow.trigger.recovery-interval:30s}",
			initialDelayString = "${recruitflow.trigger.recovery-interval:30s}")
	void finishInterruptedEvents() {
		Instant before = this.clock.instant().minus(Duration.ofSeconds(30));
		Query interrupted = Query
			.query(Criteria.where("processedAt").isNull().and("receivedAt").lt(before))
			.limit(100);
		for (TriggerEvent event : this.mongo.find(interrupted, TriggerEvent.class)) {
			log.info("Finishing trigger event {} interrupted before its runs were started", event.eventId());
			process(event, null, null);
		}
	}

	private Optional<TriggerReceipt> duplicate(RequestView view, TriggerType source, String eventId) {
		TriggerEvent existing = this.mongo.findOne(Query.query(Criteria.where("accountId").is(view.caller.accountId())
			.and("source").is(source)
			.and("eventId").is(eventId)), TriggerEvent.class);
		if (existing == null) {
			return Optional.empty();
		}
		return Optional.of(receipt(existing.processedAt() == null ? process(existing, null, view)
				: new Processed(existing, List.of()), true, null));
	}

	/** Inserts the event; if the same eventId won a race, continues with that one instead. */
	private TriggerEvent store(TriggerEvent event) {
		try {
			return this.mongo.insert(event);
		}
		catch (DuplicateKeyException raced) {
			TriggerEvent first = this.mongo.findOne(Query.query(Criteria.where("accountId").is(event.accountId())
				.and("source").is(event.source())
				.and("eventId").is(event.eventId())), TriggerEvent.class);
			return withoutId(first);
		}
	}

	/** Marks a receipt built from an event another request stored: this request is the duplicate. */
	private static TriggerEvent withoutId(TriggerEvent event) {
		return new TriggerEvent(null, event.accountId(), event.source(), event.eventId(), event.candidateId(),
				event.candidateName(), event.ctaId(), event.webCampaignId(), event.campaignName(), event.ctaLabel(),
				event.toStatus(), event.fromStatus(), event.jobTitle(), event.occurredAt(), event.receivedAt(),
				event.startedWorkflowIds(), event.processedAt(), event.mobileProblem());
	}

	/**
	 * An event once processed, with the workflows this request started and so has in hand (the
	 * receipt names them without reading them again).
	 */
	private record Processed(TriggerEvent event, List<Workflow> startedHere) {
	}

	/**
	 * Starts every matching run (idempotently) and then marks the event processed.
	 *
	 * @param recorded the candidate as this request just recorded it, or null to read it
	 * @param view the request's reads of its account, or null outside a request
	 */
	private Processed process(TriggerEvent event, Candidate recorded, RequestView view) {
		TriggerEvent stored = event.id() != null ? event
				: this.mongo.findOne(Query.query(Criteria.where("accountId").is(event.accountId())
					.and("source").is(event.source())
					.and("eventId").is(event.eventId())), TriggerEvent.class);
		if (stored.processedAt() != null) {
			return new Processed(event.id() != null ? stored : withoutId(stored), List.of());
		}
		Optional<Candidate> candidate = recorded != null && recorded.id().equals(stored.candidateId())
				? Optional.of(recorded) : this.candidates.candidateForRun(stored.accountId(), stored.candidateId());
		List<Workflow> started = new ArrayList<>();
		if (candidate.isPresent()) {
			List<Workflow> active = view != null ? view.activeWorkflows(stored.source())
					: this.workflows.activeWorkflows(stored.accountId(), stored.source());
			for (Workflow workflow : active) {
				if (fits(workflow.trigger(), stored) && CriteriaEvaluator.matches(workflow.criteria(), candidate.get())
						&& this.reentry.pass(workflow.id(), stored.candidateId(), workflow.reentryMinimumMinutes(),
								stored.id())) {
					this.runs.start(new RunStarter.RunRequest(stored.accountId(), workflow, stored.candidateId(),
							stored.candidateName(), stored.id(), stored.eventId(),
							new RunContext(stored.campaignName(), stored.ctaLabel(), stored.jobTitle())));
					started.add(workflow);
				}
			}
		}
		TriggerEvent processed = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(stored.id()).and("processedAt").isNull()),
				new Update().set("startedWorkflowIds", started.stream().map(Workflow::id).toList())
					.set("processedAt", this.clock.instant()),
				FindAndModifyOptions.options().returnNew(true), TriggerEvent.class);
		if (processed == null) {
			// Another request or the recovery finished it first; its outcome is the one that counts.
			processed = this.mongo.findById(stored.id(), TriggerEvent.class);
			started = List.of();
		}
		return new Processed(event.id() != null ? processed : withoutId(processed), started);
	}

	private static boolean fits(Workflow.Trigger trigger, TriggerEvent event) {
		if (trigger == null) {
			return false;
		}
		return switch (event.source()) {
			case CTA_COMPLETED -> event.ctaId().equals(trigger.ctaId())
					&& (trigger.webCampaignId() == null || trigger.webCampaignId().equals(event.webCampaignId()));
			case ATS_STATUS_CHANGED -> trigger.toStatus() != null && trigger.toStatus().equalsIgnoreCase(event.toStatus())
					&& (trigger.fromStatus() == null || trigger.fromStatus().equalsIgnoreCase(event.fromStatus()));
		};
	}

	/** @param recorded the candidate as this request just recorded it, or null to read it */
	private TriggerReceipt receipt(Processed processed, boolean duplicate, Candidate recorded) {
		TriggerEvent event = processed.event();
		Caller engine = Caller.system(event.accountId());
		Candidate candidate = recorded != null && recorded.id().equals(event.candidateId()) ? recorded
				: this.candidates.candidate(engine, event.candidateId()).orElseThrow();
		List<Workflow> started = event.startedWorkflowIds() == null ? List.of()
				: event.startedWorkflowIds()
					.stream()
					.map(id -> processed.startedHere()
						.stream()
						.filter(workflow -> workflow.id().equals(id))
						.findFirst()
						.or(() -> this.workflows.workflowForRun(event.accountId(), id)))
					.flatMap(Optional::stream)
					.toList();
		return new TriggerReceipt(event.eventId(), duplicate, event.receivedAt(), candidate, started,
				event.mobileProblem());
	}

	private static void authorize(Caller caller) {
		if (!caller.viaApiKey() && !caller.admin()) {
			throw new DomainException.Forbidden(
					"Only integrations (with an API key) and account admins can record trigger events.");
		}
	}

	private static String eventId(String eventId) {
		String trimmed = eventId == null ? "" : eventId.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_EVENT_ID) {
			throw new DomainException.BadRequest("eventId must be 1 to " + MAX_EVENT_ID
					+ " characters: your unique id for this event, sent again unchanged when you retry.");
		}
		return trimmed;
	}

	private static void checkCandidateAndJob(CandidateData candidate, String jobTitle) {
		CandidateService.validate(candidate);
		if (jobTitle != null && jobTitle.length() > MAX_JOB_TITLE) {
			throw new DomainException.BadRequest("jobTitle is too long: at most " + MAX_JOB_TITLE + " characters.");
		}
	}

	private static String status(Account account, String field, String value) {
		return account.atsStatuses()
			.stream()
			.filter(status -> status.equalsIgnoreCase(value.strip()))
			.findFirst()
			.orElseThrow(() -> new DomainException.BadRequest(field + " '" + value + "' is not one of your ATS statuses: "
					+ String.join(", ", account.atsStatuses()) + "."));
	}

	private static String required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new DomainException.BadRequest(field + " is required.");
		}
		return value.strip();
	}

	private static String label(WebCampaign campaign, String ctaId) {
		return campaign.ctas().stream().filter(cta -> cta.id().equals(ctaId)).findFirst().map(WebCampaign.Cta::label)
			.orElse(ctaId);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String classification(DomainException ex) {
		return switch (ex) {
			case DomainException.NotFound notFound -> "NOT_FOUND";
			case DomainException.Forbidden forbidden -> "FORBIDDEN";
			default -> "BAD_REQUEST";
		};
	}

}
