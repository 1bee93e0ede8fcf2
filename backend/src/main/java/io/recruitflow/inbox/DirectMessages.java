package io.recruitflow.inbox;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.recruitflow.account.CreditService;
import io.recruitflow.candidate.Candidate;
import io.recruitflow.platform.DomainException;
import io.recruitflow.platform.Text;
import io.recruitflow.sms.SmsGateway;
import io.recruitflow.sms.SmsGateway.OutboundSms;
import io.recruitflow.sms.SmsGateway.SendReceipt;
import io.recruitflow.sms.SmsSendException;
import io.recruitflow.template.SmsMeasure;
import io.recruitflow.template.SmsMeasurer;
import org.bson.types.ObjectId;

import org.springframework.stereotype.Component;

/**
 * SMS that a person (or an opt-out confirmation) sends directly, outside any workflow: the same
 * gateway, credits and opt-out rules as workflow steps, answered at once rather than retried in
 * the background — the person is there to read the outcome and try again.
 */
@Component
class DirectMessages {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final SmsGateway gateway;

	private final CreditService credits;

	private final InboxService inbox;

	DirectMessages(SmsGateway gateway, CreditService credits, InboxService inbox) {
		this.gateway = gateway;
		this.credits = credits;
		this.inbox = inbox;
	}

	/** Checks that a person may text this candidate this body; throws BadRequest saying why not. */
	static SmsMeasure check(Candidate candidate, String body) {
		if (candidate.smsOptOut() != null) {
			throw new DomainException.BadRequest(candidate.fullName() + " opted out of SMS (texted "
					+ candidate.smsOptOut().keyword() + " on " + DAY.format(candidate.smsOptOut().at())
					+ "), so they cannot be texted until they reply START.");
		}
		if (candidate.mobile() == null) {
			throw new DomainException.BadRequest(candidate.fullName() + " has no valid mobile number"
					+ (candidate.mobileProblem() != null ? " (" + candidate.mobileProblem() + ")" : "") + ".");
		}
		String text = body == null ? "" : body.strip();
		if (Text.isBlank(text)) {
			throw new DomainException.BadRequest("Write a message first: the body is empty.");
		}
		SmsMeasure measure = SmsMeasurer.measure(text);
		if (measure.characters() > SmsMeasurer.MAX_CHARACTERS) {
			throw new DomainException.BadRequest("The message is " + measure.characters()
					+ " characters; an SMS can carry at most " + SmsMeasurer.MAX_CHARACTERS + ".");
		}
		return measure;
	}

	/**
	 * Pays for and sends the text, then records it in the candidate's conversation.
	 *
	 * @param senderUserId the user it is sent as (null: the company)
	 */
	SmsMessage send(String accountId, Candidate candidate, String from, String senderUserId, String body,
			SmsMeasure measure) {
		String text = body.strip();
		String reference = new ObjectId().toHexString();
		String debitKey = "direct:" + reference;
		if (!this.credits.debitWithinRequest(accountId, measure.credits(), debitKey, "SMS to " + candidate.fullName(), reference)) {
			throw new DomainException.BadRequest("Not enough SMS credits: this message costs " + measure.credits()
					+ (measure.credits() == 1 ? " credit" : " credits") + " and the balance is "
					+ this.credits.balance(accountId) + ".");
		}
		SendReceipt receipt;
		try {
			receipt = this.gateway.send(new OutboundSms(from, candidate.mobile(), text, reference));
		}
		catch (SmsSendException ex) {
			this.credits.refund(accountId, measure.credits(), "refund:" + reference, "Refund: SMS not sent", reference);
			throw new DomainException.BadRequest("The SMS was not sent (" + ex.getMessage()
					+ "). Nothing was charged; try again" + (ex.retryable() ? " in a moment." : " once that is fixed."));
		}
		return this.inbox.recordOutbound(new OutboundMessage(accountId, candidate.id(), from,
				candidate.mobile(), text, measure.encoding().name(), measure.segments(), senderUserId, null, null,
				receipt.providerMessageId(), this.gateway.sandbox()));
	}

}
