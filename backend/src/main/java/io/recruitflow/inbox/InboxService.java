package io.recruitflow.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Records messages in their conversations, exactly once each. */
@Service
public class InboxService {

	static final int PREVIEW_LENGTH = 120;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final LiveEvents live;

	InboxService(MongoTemplate mongo, Clock clock, LiveEvents live) {
		this.mongo = mongo;
		this.clock = clock;
		this.live = live;
	}

	/**
	 * Records an SMS we sent. Idempotent on {@code stepExecutionId} (a unique index): a repeat gets
	 * back the message recorded the first time. Not looked up first, to save a command per SMS: the
	 * engine looks for the message itself before completing a step it recovers, so a repeat needs two
	 * workers on one step at once (a lease taken over from a stalled one), and then also touches the
	 * conversation again.
	 */
	public SmsMessage recordOutbound(OutboundMessage outbound) {
		Instant now = this.clock.instant();
		Conversation conversation = touchConversation(outbound.accountId(), outbound.candidateId(), outbound.from(),
				outbound.senderUserId(), outbound.body(), now);
		SmsMessage message = new SmsMessage(new ObjectId().toHexString(), outbound.accountId(), conversation.id(),
				outbound.candidateId(), SmsMessage.Direction.OUTBOUND, outbound.from(), outbound.to(), outbound.body(),
				outbound.encoding(), outbound.segments(), outbound.senderUserId(), outbound.workflowId(),
				outbound.stepExecutionId(), outbound.providerMessageId(), SmsMessage.MessageStatus.SENT, null,
				outbound.sandbox(), now, now);
		try {
			SmsMessage stored = this.mongo.insert(message);
			this.live.publishStatus(stored);
			return stored;
		}
		catch (DuplicateKeyException ex) {
			return byStepExecution(outbound.stepExecutionId()).orElseThrow(() -> ex);
		}
	}

	/**
	 * Moves an outbound message to DELIVERED or FAILED from a provider report. Reports can arrive
	 * late or out of order: a final status is never changed again, and interim ones (sent,
	 * buffered) change nothing.
	 *
	 * @return whether a message changed
	 */
	public boolean applyDeliveryReport(String providerMessageId, String providerStatus, String reason,
			String errorCode, Instant at) {
		SmsMessage.MessageStatus status = switch (providerStatus.toLowerCase(java.util.Locale.ROOT)) {
			case "delivered" -> SmsMessage.MessageStatus.DELIVERED;
			case "delivery_failed", "expired" -> SmsMessage.MessageStatus.FAILED;
			default -> null;
		};
		if (status == null) {
			return false;
		}
		String why = status == SmsMessage.MessageStatus.FAILED ? failureReason(providerStatus, reason, errorCode) : null;
		Query notFinal = Query.query(Criteria.where("providerMessageId").is(providerMessageId)
			.and("direction").is(SmsMessage.Direction.OUTBOUND)
			.and("status").in(SmsMessage.MessageStatus.QUEUED, SmsMessage.MessageStatus.SENT));
		SmsMessage updated = this.mongo.findAndModify(notFinal,
				new Update().set("status", status).set("statusReason", why).set("statusAt", at != null ? at : this.clock.instant()),
				FindAndModifyOptions.options().returnNew(true), SmsMessage.class);
		if (updated == null) {
			return false;
		}
		this.live.publishStatus(updated);
		return true;
	}

	private static String failureReason(String status, String reason, String errorCode) {
		StringBuilder text = new StringBuilder("expired".equalsIgnoreCase(status) ? "expired before it could be delivered"
				: "not delivered");
		if (reason != null && !reason.isBlank()) {
			text.append(": ").append(reason.replace('_', ' '));
		}
		if (errorCode != null && !errorCode.isBlank()) {
			text.append(" (error ").append(errorCode).append(")");
		}
		return text.toString();
	}

	/** A candidate's messages, newest first, within the caller's account. */
	public List<SmsMessage> messagesOfCandidate(String accountId, String candidateId, int limit) {
		Query query = Query.query(Criteria.where("accountId").is(accountId).and("candidateId").is(candidateId))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.limit(limit);
		return this.mongo.find(query, SmsMessage.class);
	}

	/** Messages by the step executions that sent them, in one query. */
	public java.util.Map<String, SmsMessage> byStepExecutions(List<String> stepExecutionIds) {
		if (stepExecutionIds.isEmpty()) {
			return java.util.Map.of();
		}
		return this.mongo.find(Query.query(Criteria.where("stepExecutionId").in(stepExecutionIds)), SmsMessage.class)
			.stream()
			.collect(java.util.stream.Collectors.toMap(SmsMessage::stepExecutionId, message -> message));
	}

	public Optional<SmsMessage> byStepExecution(String stepExecutionId) {
		return Optional.ofNullable(this.mongo.findOne(
				Query.query(Criteria.where("stepExecutionId").is(stepExecutionId)), SmsMessage.class));
	}

	/**
	 * Creates the conversation on first contact and moves it to the top, assigned to whoever texted
	 * last; a single upsert on the unique (account, candidate, number) key, so concurrent first
	 * messages share one conversation.
	 */
	private Conversation touchConversation(String accountId, String candidateId, String ourNumber,
			String senderUserId, String body, Instant now) {
		Query key = Query.query(Criteria.where("accountId").is(accountId)
			.and("candidateId").is(candidateId)
			.and("ourNumber").is(ourNumber));
		Update update = new Update().set("lastMessageAt", now)
			.set("preview", preview(body))
			.setOnInsert("unread", 0);
		if (senderUserId != null) {
			update.set("assignedUserId", senderUserId);
		}
		FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(true);
		try {
			return this.mongo.findAndModify(key, update, upsert, Conversation.class);
		}
		catch (DuplicateKeyException raced) {
			return this.mongo.findAndModify(key, update, upsert, Conversation.class);
		}
	}

	static String preview(String body) {
		String flat = body.replaceAll("\\s+", " ").strip();
		return flat.length() <= PREVIEW_LENGTH ? flat : flat.substring(0, PREVIEW_LENGTH - 1) + "…";
	}

}
