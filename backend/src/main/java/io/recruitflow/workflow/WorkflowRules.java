package io.recruitflow.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.recruitflow.account.AccountService;
import io.recruitflow.account.UserView;
import io.recruitflow.campaign.CampaignService;
import io.recruitflow.campaign.CtaView;
import io.recruitflow.campaign.WebCampaign;
import io.recruitflow.platform.Caller;
import io.recruitflow.platform.DomainException;
import io.recruitflow.platform.Text;
import io.recruitflow.template.ChatTemplate;
import io.recruitflow.template.ChatTemplateService;
import io.recruitflow.workflow.WorkflowInputs.CriterionInput;
import io.recruitflow.workflow.WorkflowInputs.WorkflowInput;
import io.recruitflow.workflow.WorkflowInputs.WorkflowStepInput;
import io.recruitflow.workflow.WorkflowInputs.WorkflowTriggerInput;

import org.springframework.stereotype.Component;

/**
 * Turns what a recruiter sent into what is stored, or refuses it with a message that names the
 * field and what is accepted. Ids in an input that belong to another account get the same answer
 * as ids that do not exist. Blank strings count as absent, as a form sends them.
 */
@Component
class WorkflowRules {

	static final int MAX_NAME_LENGTH = 100;

	static final int MAX_REENTRY_MINUTES = 525_600;

	static final int MAX_WAIT_MINUTES = 43_200;

	static final int MAX_CRITERIA = 20;

	static final int MAX_VALUES = 50;

	static final int MAX_VALUE_LENGTH = 200;

	static final int MAX_STEPS = 50;

	private final AccountService accounts;

	private final CampaignService campaigns;

	private final ChatTemplateService templates;

	WorkflowRules(AccountService accounts, CampaignService campaigns, ChatTemplateService templates) {
		this.accounts = accounts;
		this.campaigns = campaigns;
		this.templates = templates;
	}

	/** A workflow's settings as they will be stored. */
	record Settings(String name, Workflow.Trigger trigger, List<Criterion> criteria, int reentryMinimumMinutes) {
	}

	Settings settings(Caller caller, WorkflowInput input) {
		List<String> statuses = this.accounts.account(caller).atsStatuses();
		return new Settings(name(input.name()), trigger(caller, input.trigger(), statuses),
				criteria(input.criteria(), statuses), reentry(input.reentryMinimumMinutes()));
	}

	static String name(String raw) {
		String name = raw == null ? "" : raw.strip();
		if (Text.isBlank(name) || name.length() > MAX_NAME_LENGTH) {
			throw new DomainException.BadRequest("The workflow name must be 1 to " + MAX_NAME_LENGTH
					+ " characters; " + (Text.isBlank(name) ? "it is empty." : "it has " + name.length() + "."));
		}
		return name;
	}

	private Workflow.Trigger trigger(Caller caller, WorkflowTriggerInput input, List<String> statuses) {
		if (input == null || input.type() == null) {
			throw new DomainException.BadRequest("trigger.type is required: CTA_COMPLETED or ATS_STATUS_CHANGED.");
		}
		String ctaId = blankToNull(input.ctaId());
		String webCampaignId = blankToNull(input.webCampaignId());
		String toStatus = blankToNull(input.toStatus());
		String fromStatus = blankToNull(input.fromStatus());
		return switch (input.type()) {
			case CTA_COMPLETED -> {
				List<String> foreign = present("trigger.toStatus", toStatus, "trigger.fromStatus", fromStatus);
				if (!foreign.isEmpty()) {
					throw new DomainException.BadRequest("A CTA_COMPLETED trigger takes ctaId and optionally "
							+ "webCampaignId; remove " + String.join(" and ", foreign)
							+ " (statuses belong to ATS_STATUS_CHANGED triggers).");
				}
				if (ctaId == null) {
					throw new DomainException.BadRequest(
							"A CTA_COMPLETED trigger needs trigger.ctaId: the CTA whose completion starts the workflow.");
				}
				CtaView cta = this.campaigns.cta(caller, ctaId)
					.orElseThrow(() -> new DomainException.BadRequest(
							"trigger.ctaId: there is no CTA '" + ctaId + "' in your web campaigns."));
				if (webCampaignId != null) {
					WebCampaign campaign = this.campaigns.campaign(caller, webCampaignId)
						.orElseThrow(() -> new DomainException.BadRequest("trigger.webCampaignId: there is no web campaign '"
								+ webCampaignId + "' in your account."));
					// A CTA may be shared by several campaigns, so ask the chosen campaign rather than the first holder.
					boolean inCampaign = CampaignService.ctas(campaign).stream().anyMatch(held -> held.id().equals(ctaId));
					if (!inCampaign) {
						throw new DomainException.BadRequest("trigger.webCampaignId: the CTA “" + cta.label()
								+ "” is not part of the web campaign “" + campaign.name() + "”; it belongs to “"
								+ cta.webCampaign().name() + "”.");
					}
				}
				yield new Workflow.Trigger(TriggerType.CTA_COMPLETED, cta.id(), webCampaignId, null, null);
			}
			case ATS_STATUS_CHANGED -> {
				List<String> foreign = present("trigger.ctaId", ctaId, "trigger.webCampaignId", webCampaignId);
				if (!foreign.isEmpty()) {
					throw new DomainException.BadRequest("An ATS_STATUS_CHANGED trigger takes toStatus and optionally "
							+ "fromStatus; remove " + String.join(" and ", foreign)
							+ " (CTAs and campaigns belong to CTA_COMPLETED triggers).");
				}
				if (toStatus == null) {
					throw new DomainException.BadRequest("An ATS_STATUS_CHANGED trigger needs trigger.toStatus, one of: "
							+ String.join(", ", statuses) + ".");
				}
				String to = status("trigger.toStatus", toStatus, statuses);
				String from = fromStatus == null ? null : status("trigger.fromStatus", fromStatus, statuses);
				if (to.equals(from)) {
					throw new DomainException.BadRequest(
							"trigger.fromStatus must differ from trigger.toStatus (both are '" + to + "').");
				}
				yield new Workflow.Trigger(TriggerType.ATS_STATUS_CHANGED, null, null, to, from);
			}
		};
	}

	private static List<Criterion> criteria(List<CriterionInput> inputs, List<String> statuses) {
		if (inputs == null || inputs.isEmpty()) {
			return List.of();
		}
		if (inputs.size() > MAX_CRITERIA) {
			throw new DomainException.BadRequest(
					"A workflow takes at most " + MAX_CRITERIA + " criteria; this one has " + inputs.size() + ".");
		}
		List<Criterion> criteria = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			criteria.add(criterion("criteria[" + i + "]", inputs.get(i), statuses));
		}
		return criteria;
	}

	private static Criterion criterion(String where, CriterionInput input, List<String> statuses) {
		String fieldName = input.field() == null ? "" : input.field().strip();
		CandidateField field = CandidateField.of(fieldName)
			.orElseThrow(() -> new DomainException.BadRequest(where + ".field: unknown criteria field '" + fieldName
					+ "'. Use one of: " + CandidateField.names() + "."));
		CriterionOperator operator = input.operator();
		if (operator == null) {
			throw new DomainException.BadRequest(where + ".operator is required: one of "
					+ field.operators().stream().map(Enum::name).collect(Collectors.joining(", ")) + ".");
		}
		if (!field.allows(operator)) {
			throw new DomainException.BadRequest(where + ": " + fieldName + " cannot use " + operator + "; use one of "
					+ field.operators().stream().map(Enum::name).collect(Collectors.joining(", ")) + ".");
		}
		List<String> values = input.values() == null ? List.of() : input.values();
		int count = values.size();
		switch (operator) {
			case EQUALS, NOT_EQUALS, CONTAINS -> {
				if (count != 1) {
					throw new DomainException.BadRequest(where + ": " + operator + " takes exactly one value; "
							+ (count == 0 ? "none was given." : count + " were given."));
				}
			}
			case IN -> {
				if (count == 0 || count > MAX_VALUES) {
					throw new DomainException.BadRequest(where + ": IN takes 1 to " + MAX_VALUES + " values; "
							+ (count == 0 ? "none was given." : count + " were given."));
				}
			}
			case EXISTS -> {
				if (count != 0) {
					throw new DomainException.BadRequest(
							where + ": EXISTS takes no values; " + count + (count == 1 ? " was" : " were") + " given.");
				}
			}
		}
		List<String> normalised = new ArrayList<>();
		for (String raw : values) {
			String value = raw == null ? "" : raw.strip();
			if (field == CandidateField.EMAIL_DOMAIN && value.startsWith("@")) {
				value = value.substring(1).strip();
			}
			if (value.isEmpty()) {
				throw new DomainException.BadRequest(where + ": a value is empty; write what to compare with.");
			}
			if (value.length() > MAX_VALUE_LENGTH) {
				throw new DomainException.BadRequest(
						where + ": a value may have at most " + MAX_VALUE_LENGTH + " characters; one has " + value.length() + ".");
			}
			if (field == CandidateField.ATS_STATUS) {
				value = status(where + ".values", value, statuses);
			}
			else if (field == CandidateField.EMAIL_DOMAIN) {
				value = value.toLowerCase(Locale.ROOT);
			}
			if (!normalised.contains(value)) {
				normalised.add(value);
			}
		}
		return new Criterion(fieldName, operator, normalised);
	}

	private static int reentry(Integer minutes) {
		int value = minutes == null ? 0 : minutes;
		if (value < 0 || value > MAX_REENTRY_MINUTES) {
			throw new DomainException.BadRequest("reentryMinimumMinutes must be 0 to " + MAX_REENTRY_MINUTES
					+ " (a year; 0 means no minimum); it is " + value + ".");
		}
		return value;
	}

	/** A step as it will be stored; its id is chosen by the caller (new, or the step it replaces). */
	Workflow.Step step(Caller caller, String id, WorkflowStepInput input) {
		if (input == null || input.kind() == null) {
			throw new DomainException.BadRequest("kind is required: CHAT_MESSAGE or WAIT.");
		}
		String senderUserId = blankToNull(input.senderUserId());
		String chatTemplateId = blankToNull(input.chatTemplateId());
		Integer waitMinutes = input.waitMinutes();
		return switch (input.kind()) {
			case CHAT_MESSAGE -> {
				if (waitMinutes != null) {
					throw new DomainException.BadRequest("A CHAT_MESSAGE step takes senderUserId and chatTemplateId; "
							+ "remove waitMinutes (it belongs to WAIT steps).");
				}
				List<String> missing = new ArrayList<>();
				if (senderUserId == null) {
					missing.add("senderUserId");
				}
				if (chatTemplateId == null) {
					missing.add("chatTemplateId");
				}
				if (!missing.isEmpty()) {
					throw new DomainException.BadRequest("A CHAT_MESSAGE step needs senderUserId (who the SMS is sent as) "
							+ "and chatTemplateId (what it says); " + String.join(" and ", missing)
							+ (missing.size() == 1 ? " is" : " are") + " missing.");
				}
				UserView sender = this.accounts.user(caller, senderUserId)
					.orElseThrow(() -> new DomainException.BadRequest(
							"senderUserId: there is no user '" + senderUserId + "' in your account."));
				if (!sender.active()) {
					throw new DomainException.BadRequest(
							"senderUserId: " + sender.name() + " is inactive and cannot send; choose an active user.");
				}
				ChatTemplate template = this.templates.activeTemplate(caller, chatTemplateId)
					.orElseThrow(() -> new DomainException.BadRequest(
							"chatTemplateId: there is no chat template '" + chatTemplateId + "' in your account."));
				yield new Workflow.Step(id, WorkflowStepKind.CHAT_MESSAGE, sender.id(), template.id(), null);
			}
			case WAIT -> {
				List<String> foreign = present("senderUserId", senderUserId, "chatTemplateId", chatTemplateId);
				if (!foreign.isEmpty()) {
					throw new DomainException.BadRequest("A WAIT step takes waitMinutes only; remove "
							+ String.join(" and ", foreign) + " (they belong to CHAT_MESSAGE steps).");
				}
				if (waitMinutes == null || waitMinutes < 1 || waitMinutes > MAX_WAIT_MINUTES) {
					throw new DomainException.BadRequest("waitMinutes must be 1 to " + MAX_WAIT_MINUTES + " (30 days)"
							+ (waitMinutes == null ? " for a WAIT step." : "; it is " + waitMinutes + "."));
				}
				yield new Workflow.Step(id, WorkflowStepKind.WAIT, null, null, waitMinutes);
			}
		};
	}

	/** The account's spelling of a status, matched ignoring case, or a message listing the choices. */
	private static String status(String where, String value, List<String> statuses) {
		Optional<String> known = statuses.stream().filter(status -> status.equalsIgnoreCase(value.strip())).findFirst();
		return known.orElseThrow(() -> new DomainException.BadRequest(where + ": '" + value
				+ "' is not one of your ATS statuses: " + String.join(", ", statuses) + "."));
	}

	private static List<String> present(String firstName, String first, String secondName, String second) {
		List<String> names = new ArrayList<>();
		if (first != null) {
			names.add(firstName);
		}
		if (second != null) {
			names.add(secondName);
		}
		return names;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
