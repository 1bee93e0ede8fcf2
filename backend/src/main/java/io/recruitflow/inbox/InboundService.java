package io.recruitflow.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.recruitflow.account.Account;
import io.recruitflow.account.AccountService;
import io.recruitflow.candidate.Candidate;
import io.recruitflow.candidate.CandidateService;
import io.recruitflow.platform.Caller;
import io.recruitflow.platform.DomainException;
import io.recruitflow.platform.Text;
import io.recruitflow.template.SmsMeasure;
import io.recruitflow.template.SmsMeasurer;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A candidate's reply, from webhook (or sandbox simulation) to inbox: routed by our number to the
 * account and the user it belongs to, stored once per provider id, STOP/START/HELP honoured with
 * one confirmation per change, a notification with the full text for the user being replied to,
 * and live events for every open inbox.
 */
@Service
class InboundService {

	enum Outcome {

		STORED, DUPLICATE, UNKNOWN_RECIPIENT

	}

	/** Compared after upper-casing and removing everything but letters: "Opt out!" reads OPTOUT. */
	static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE",
			"OPTOUT");

	static final Set<String> OPT_IN = Set.of("START", "UNSTOP");

	static final String HELP = "HELP";

	private static final Logger log = LoggerFactory.getLogger(InboundService.class);

	private final MongoTemplate mongo;

	private final AccountService accounts;

	private final CandidateService candidates;

	private final DirectMessages direct;

	private final LiveEvents live;

	private final Clock clock;

	InboundService(MongoTemplate mongo, AccountService accounts, CandidateService candidates, DirectMessages direct,
			LiveEvents live, Clock clock) {
		this.mongo = mongo;
		this.accounts = accounts;
		this.candidates = candidates;
		this.direct = direct;
		this.live = live;
		this.clock = clock;
	}

	/** Checks what the provider sent; throws BadRequest naming the problem. */
	static void validate(InboundSms sms) {
		if (sms.providerMessageId() == null || sms.providerMessageId().isBlank()) {
			throw new DomainException.BadRequest("id is required: the provider's message id.");
		}
		if (sms.originator() == null || sms.originator().isBlank()) {
			throw new DomainException.BadRequest("originator is required: the number the SMS came from.");
		}
		if (sms.recipient() == null || sms.recipient().isBlank()) {
			throw new DomainException.BadRequest("recipient is required: our number the SMS was sent to.");
		}
		if (sms.body() == null || sms.body().isBlank()) {
			throw new DomainException.BadRequest("body is empty.");
		}
		Text.characterProblem("body", sms.body()).ifPresent(problem -> {
			throw new DomainException.BadRequest(problem);
		});
		if (SmsMeasurer.measure(sms.body()).characters() > SmsMeasurer.MAX_CHARACTERS) {
			throw new DomainException.BadRequest("body is longer than an SMS can be (" + SmsMeasurer.MAX_CHARACTERS
					+ " characters).");
		}
	}

	/**
	 * Stores the reply once per provider id: a redelivery (MessageBird retries, or the same message
	 * delivered twice at once) is caught by the unique index on inserting it, not by asking first,
	 * because every reply would pay for the question and nearly none are repeats. What runs before
	 * that insert only finds or creates the candidate and conversation, which a repeat finds as the
	 * first delivery left them.
	 */
	Outcome receive(InboundSms sms) {
		Optional<AccountService.NumberOwner> owner = this.accounts.numberOwner(sms.recipient());
		if (owner.isEmpty()) {
			log.warn("Inbound SMS {} to {}, a number no account owns: ignored", sms.providerMessageId(), sms.recipient());
			return Outcome.UNKNOWN_RECIPIENT;
		}
		String accountId = owner.get().accountId();
		String numberOwnerId = owner.get().userId();
		Candidate candidate = this.candidates.byMobileOrUnknown(accountId, sms.originator());
		Instant at = sms.receivedAt() != null ? sms.receivedAt() : this.clock.instant();
		Conversation conversation = conversation(accountId, candidate.id(), sms.recipient(), numberOwnerId);
		SmsMeasure measure = SmsMeasurer.measure(sms.body());
		SmsMessage message;
		try {
			message = this.mongo.insert(new SmsMessage(new ObjectId().toHexString(), accountId, conversation.id(),
					candidate.id(), SmsMessage.Direction.INBOUND, sms.originator(), sms.recipient(), sms.body(),
					measure.encoding().name(), measure.segments(), null,
					null, null, sms.providerMessageId(), SmsMessage.MessageStatus.RECEIVED, null, false, at, at));
		}
		catch (DuplicateKeyException alreadyStored) {
			return Outcome.DUPLICATE;
		}
		Update arrived = new Update().inc("unread", 1).set("lastMessageAt", at).set("preview", InboxService.preview(sms.body()));
		if (numberOwnerId != null) {
			arrived.set("assignedUserId", numberOwnerId);
		}
		conversation = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(conversation.id())), arrived,
				FindAndModifyOptions.options().returnNew(true), Conversation.class);
		List<LiveEvents.LiveEvent> events = new ArrayList<>();
		events.add(this.live.inbound(message, conversation));
		try {
			notify(accountId, conversation, candidate, message, events);
		}
		finally {
			this.live.publish(events);
		}
		handleKeyword(accountId, candidate, conversation, sms);
		return Outcome.STORED;
	}

	/**
	 * The conversation for (candidate, our number), created if there is none. Found with a read when
	 * it exists, as it does for nearly every reply; the reply's own update then assigns it (a user's
	 * own number assigns it to that user; on the company number it stays with whoever texted the
	 * candidate last, or nobody: the admins).
	 */
	private Conversation conversation(String accountId, String candidateId, String ourNumber, String numberOwnerId) {
		Query key = Query.query(Criteria.where("accountId").is(accountId)
			.and("candidateId").is(candidateId)
			.and("ourNumber").is(ourNumber));
		Conversation existing = this.mongo.findOne(key, Conversation.class);
		if (existing != null) {
			return existing;
		}
		Update update = new Update().setOnInsert("unread", 0).setOnInsert("lastMessageAt", this.clock.instant());
		if (numberOwnerId != null) {
			update.set("assignedUserId", numberOwnerId);
		}
		FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(true);
		try {
			return this.mongo.findAndModify(key, update, upsert, Conversation.class);
		}
		catch (DuplicateKeyException raced) {
			return this.mongo.findAndModify(key, update, upsert, Conversation.class);
		}
	}

	/** Stores a notification for each user to tell, adding its live event to {@code events}. */
	private void notify(String accountId, Conversation conversation, Candidate candidate, SmsMessage message,
			List<LiveEvents.LiveEvent> events) {
		List<String> users = conversation.assignedUserId() != null ? List.of(conversation.assignedUserId())
				: this.accounts.adminIds(accountId);
		for (String userId : users) {
			try {
				Notification notification = this.mongo.insert(new Notification(new ObjectId().toHexString(), accountId,
						userId, Notification.Kind.SMS_REPLY, message.id(), conversation.id(), candidate.id(),
						candidate.fullName(), message.body(), this.clock.instant(), null));
				events.add(this.live.notification(notification));
			}
			catch (DuplicateKeyException alreadyNotified) {
				// The same message for the same user: notified once is enough.
			}
		}
	}

	private void handleKeyword(String accountId, Candidate candidate, Conversation conversation, InboundSms sms) {
		String keyword = sms.body().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
		if (!OPT_OUT.contains(keyword) && !OPT_IN.contains(keyword) && !HELP.equals(keyword)) {
			return;
		}
		Account account = this.accounts.account(Caller.system(accountId));
		String reply = null;
		if (OPT_OUT.contains(keyword)) {
			if (this.candidates.optOut(account.id(), candidate.id(), keyword)) {
				reply = account.name() + ": you will no longer receive texts from us. Reply START to resubscribe.";
			}
		}
		else if (OPT_IN.contains(keyword)) {
			if (this.candidates.optIn(account.id(), candidate.id())) {
				reply = account.name() + ": you are subscribed to our texts again. Reply STOP to opt out.";
			}
		}
		else if (HELP.equals(keyword)) {
			reply = account.helpText() != null ? account.helpText()
					: account.name() + " recruitment texts. Reply STOP to opt out.";
		}
		if (reply == null) {
			return;
		}
		Candidate current = this.candidates.candidateForRun(account.id(), candidate.id()).orElse(candidate);
		Candidate reachable = new Candidate(current.id(), current.accountId(), current.externalId(), current.firstName(),
				current.lastName(), current.email(), sms.originator(), null, current.atsStatus(), current.customFields(),
				null, current.unknown(), current.timezone(), current.createdAt(), current.updatedAt(), current.version());
		try {
			// Sent by the system, not by the recruiter the conversation is assigned to.
			this.direct.send(account.id(), reachable, sms.recipient(), null, reply,
					SmsMeasurer.measure(reply));
		}
		catch (DomainException ex) {
			log.warn("Could not send the {} confirmation to {}: {}", keyword, candidate.id(), ex.getMessage());
		}
	}

}
