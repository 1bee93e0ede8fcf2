package io.recruitflow.template;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.recruitflow.account.Account;
import io.recruitflow.account.AccountService;
import io.recruitflow.account.UserView;
import io.recruitflow.campaign.CampaignService;
import io.recruitflow.campaign.CtaView;
import io.recruitflow.campaign.WebCampaign;
import io.recruitflow.candidate.Candidate;
import io.recruitflow.candidate.CandidateService;
import io.recruitflow.platform.Caller;
import io.recruitflow.platform.DomainException;
import io.recruitflow.platform.Text;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Chat templates of the caller's account: the rules a body must follow to be saved, guarded
 * edits, deletes that never break a workflow, and previews rendered for a candidate and sender.
 */
@Service
public class ChatTemplateService {

	static final int MAX_NAME_LENGTH = 100;

	/** A preview measures drafts that may be over the limit, but not arbitrarily large ones. */
	static final int MAX_PREVIEW_BODY_LENGTH = 5000;

	static final String SAMPLE_FIRST_NAME = "Alex";

	static final String SAMPLE_LAST_NAME = "Sample";

	static final String SAMPLE_CAMPAIGN = "Graduate Program 2027";

	static final String SAMPLE_CTA = "Register interest";

	private final ChatTemplateRepository templates;

	private final MongoTemplate mongo;

	private final TemplateUsage usage;

	private final AccountService accounts;

	private final CampaignService campaigns;

	private final CandidateService candidates;

	private final Clock clock;

	ChatTemplateService(ChatTemplateRepository templates, MongoTemplate mongo, TemplateUsage usage,
			AccountService accounts, CampaignService campaigns, CandidateService candidates, Clock clock) {
		this.templates = templates;
		this.mongo = mongo;
		this.usage = usage;
		this.accounts = accounts;
		this.campaigns = campaigns;
		this.candidates = candidates;
		this.clock = clock;
	}

	public List<ChatTemplate> templates(Caller caller) {
		return this.templates.findByAccountIdAndDeletedAtIsNull(caller.accountId())
			.stream()
			.sorted((a, b) -> String.CASE_INSENSITIVE_ORDER.compare(a.name(), b.name()))
			.toList();
	}

	public ChatTemplate template(Caller caller, String id) {
		return activeTemplate(caller, id).orElseThrow(() -> new DomainException.NotFound("Chat template", id));
	}

	/** A template of the caller's account that has not been deleted. */
	public Optional<ChatTemplate> activeTemplate(Caller caller, String id) {
		return this.templates.findByIdAndAccountIdAndDeletedAtIsNull(id, caller.accountId());
	}

	/** Templates of the caller's account by id, deleted ones included, for showing what a step points at. */
	public Map<String, ChatTemplate> templatesById(Caller caller, Collection<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.templates.findByAccountIdAndIdIn(caller.accountId(), ids)
			.stream()
			.collect(Collectors.toMap(ChatTemplate::id, Function.identity()));
	}

	/**
	 * Names of the workflows using each template. Each template carries its account, which is all
	 * the scoping needed: the templates were read for the caller already.
	 */
	public Map<ChatTemplate, List<String>> usedByWorkflows(List<ChatTemplate> templates) {
		Map<String, List<ChatTemplate>> byAccount = templates.stream()
			.collect(Collectors.groupingBy(ChatTemplate::accountId));
		Map<ChatTemplate, List<String>> result = new HashMap<>();
		byAccount.forEach((accountId, ofAccount) -> {
			Map<String, List<String>> names = this.usage.workflowNamesByTemplate(accountId,
					ofAccount.stream().map(ChatTemplate::id).toList());
			for (ChatTemplate template : ofAccount) {
				result.put(template, names.getOrDefault(template.id(), List.of()));
			}
		});
		return result;
	}

	public ChatTemplate create(Caller caller, ChatTemplateInput input) {
		String name = validName(input.name());
		String body = validBody(input.body());
		Instant now = this.clock.instant();
		return this.templates.insert(new ChatTemplate(null, caller.accountId(), name, body, now, now, null, null));
	}

	/**
	 * Replaces name and body. With expectedVersion the write only applies to that version, so a
	 * stale or concurrent edit is refused as a conflict; without it the edit is a plain overwrite.
	 */
	public ChatTemplate update(Caller caller, String id, ChatTemplateInput input) {
		ChatTemplate current = template(caller, id);
		Integer expected = input.expectedVersion();
		if (expected != null && expected.longValue() != current.version()) {
			throw conflict(current.version(), expected);
		}
		String name = validName(input.name());
		String body = validBody(input.body());
		Criteria guard = Criteria.where("_id").is(current.id())
			.and("accountId").is(caller.accountId())
			.and("deletedAt").isNull();
		if (expected != null) {
			guard = guard.and("version").is(expected.longValue());
		}
		ChatTemplate updated = this.mongo.findAndModify(Query.query(guard),
				new Update().set("name", name)
					.set("body", body)
					.set("updatedAt", this.clock.instant())
					.inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), ChatTemplate.class);
		if (updated == null) {
			ChatTemplate now = template(caller, id);
			throw conflict(now.version(), expected != null ? expected : current.version());
		}
		return updated;
	}

	public String delete(Caller caller, String id) {
		ChatTemplate template = template(caller, id);
		List<String> workflows = this.usage.workflowNamesByTemplate(caller.accountId(), List.of(id))
			.getOrDefault(id, List.of());
		if (!workflows.isEmpty()) {
			String names = workflows.stream().map(name -> "“" + name + "”").collect(Collectors.joining(", "));
			throw new DomainException.BadRequest(workflows.size() == 1
					? "The chat template “" + template.name() + "” is used by the workflow " + names
							+ ". Remove it from that workflow's steps first."
					: "The chat template “" + template.name() + "” is used by the workflows " + names
							+ ". Remove it from their steps first.");
		}
		this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(id).and("accountId").is(caller.accountId()).and("deletedAt").isNull()),
				new Update().set("deletedAt", this.clock.instant()).inc("version", 1), ChatTemplate.class);
		return id;
	}

	public List<MergeFieldView> mergeFields(Caller caller) {
		MergeValues sample = sampleValues(caller, this.accounts.account(caller), this.accounts.me(caller), null);
		return Arrays.stream(MergeField.values())
			.map(field -> new MergeFieldView(field.token(), field.description(), field.valueFrom(sample)))
			.toList();
	}

	public MessagePreview preview(Caller caller, String templateId, String body, String candidateId,
			String senderUserId) {
		if ((templateId == null) == (body == null)) {
			throw new DomainException.BadRequest(
					"Give either templateId (to preview a saved template) or body (to preview a draft), not "
							+ (templateId == null ? "neither." : "both."));
		}
		if (body != null && body.length() > MAX_PREVIEW_BODY_LENGTH) {
			throw new DomainException.BadRequest("body is " + body.length() + " characters; a preview takes at most "
					+ MAX_PREVIEW_BODY_LENGTH + " (a message at most " + SmsMeasurer.MAX_CHARACTERS + ").");
		}
		String source = templateId != null ? template(caller, templateId).body() : body;
		Candidate candidate = candidateId == null ? null : this.candidates.candidate(caller, candidateId)
			.orElseThrow(() -> new DomainException.NotFound("Candidate", candidateId));
		UserView sender = senderUserId == null ? this.accounts.me(caller) : this.accounts.user(caller, senderUserId)
			.orElseThrow(() -> new DomainException.NotFound("User", senderUserId));
		MergeValues values = sampleValues(caller, this.accounts.account(caller), sender, candidate);
		String text = ChatTemplateRenderer.render(source, values);
		SmsMeasure measure = SmsMeasurer.measure(text);
		return new MessagePreview(text, measure.encoding(), measure.characters(), measure.segments(),
				measure.credits(), measure.unicodeCharacters(), measure.remainingInSegment(),
				SmsMeasurer.measure(source), sender.senderNumber(), sender.fromName(),
				ChatTemplateRenderer.unknownMergeFields(source), values.candidateFullName());
	}

	/**
	 * The values a preview renders with: the chosen candidate (else the built-in sample "Alex
	 * Sample", never stored) and sender, and the account's first campaign and CTA as the sample
	 * the CTA-related fields stand for.
	 */
	private MergeValues sampleValues(Caller caller, Account account, UserView sender, Candidate candidate) {
		List<WebCampaign> campaigns = this.campaigns.campaigns(caller);
		String campaignName = campaigns.isEmpty() ? SAMPLE_CAMPAIGN : campaigns.getFirst().name();
		String ctaLabel = campaigns.stream()
			.flatMap(campaign -> CampaignService.ctas(campaign).stream())
			.findFirst()
			.map(CtaView::label)
			.orElse(SAMPLE_CTA);
		String firstName = candidate == null ? SAMPLE_FIRST_NAME : candidate.firstName();
		String lastName = candidate == null ? SAMPLE_LAST_NAME : candidate.lastName();
		return new MergeValues(firstName, lastName, sender.name(), sender.fromName(), account.name(), campaignName,
				ctaLabel, null, account.optOutSentence());
	}

	private static String validName(String raw) {
		String name = raw == null ? "" : raw.strip();
		if (Text.isBlank(name) || name.length() > MAX_NAME_LENGTH) {
			throw new DomainException.BadRequest("The template name must be 1 to " + MAX_NAME_LENGTH
					+ " characters; " + (Text.isBlank(name) ? "it is empty." : "it has " + name.length() + "."));
		}
		return name;
	}

	private static String validBody(String body) {
		if (Text.isBlank(body)) {
			throw new DomainException.BadRequest(
					"The template body is empty. Write the message: 1 to " + SmsMeasurer.MAX_CHARACTERS + " characters.");
		}
		List<String> unknown = ChatTemplateRenderer.unknownMergeFields(body);
		if (!unknown.isEmpty()) {
			throw new DomainException.BadRequest((unknown.size() == 1 ? "Unknown merge field " : "Unknown merge fields ")
					+ String.join(", ", unknown) + ". Use one of: " + ChatTemplateRenderer.knownTokens() + ".");
		}
		SmsMeasure measure = SmsMeasurer.measure(body);
		if (measure.tooLong()) {
			throw new DomainException.BadRequest("The template body is " + measure.characters()
					+ " characters as an SMS counts them"
					+ (measure.encoding() == SmsEncoding.GSM_7 ? " (€ [ ] { } ^ ~ | \\ count twice)" : "")
					+ "; MessageBird accepts at most " + SmsMeasurer.MAX_CHARACTERS + ". Shorten it by "
					+ (measure.characters() - SmsMeasurer.MAX_CHARACTERS) + ".");
		}
		return body;
	}

	private static DomainException.Conflict conflict(long current, long yours) {
		return new DomainException.Conflict("This chat template was changed by someone else since you opened it (version "
				+ current + ", yours " + yours + "). Reload and try again.");
	}

}
