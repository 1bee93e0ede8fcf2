package io.recruitflow.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.recruitflow.platform.Caller;
import io.recruitflow.platform.DomainException;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The Shared Inbox as a recruiter reads it: conversations, threads and notifications. */
@Service
class InboxQueries {

	/** Searching message text looks at this many matching messages at most. */
	private static final int SEARCH_MESSAGE_LIMIT = 2000;

	private final MongoTemplate mongo;

	private final Clock clock;

	InboxQueries(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	record Page(List<Conversation> conversations, boolean hasNext) {
	}

	Page inbox(Caller caller, boolean mine, boolean unreadOnly, Instant since, String search, int first, String after) {
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("accountId").is(caller.accountId()));
		if (mine) {
			all.add(caller.admin()
					? new Criteria().orOperator(Criteria.where("assignedUserId").is(caller.userId()),
							Criteria.where("assignedUserId").isNull())
					: Criteria.where("assignedUserId").is(caller.userId()));
		}
		if (unreadOnly) {
			all.add(Criteria.where("unread").gt(0));
		}
		if (since != null) {
			all.add(Criteria.where("lastMessageAt").gte(since));
		}
		if (search != null && !search.isBlank()) {
			all.add(matching(caller.accountId(), search.strip()));
		}
		if (after != null && !after.isBlank()) {
			Cursor cursor = Cursor.parse(after);
			all.add(new Criteria().orOperator(Criteria.where("lastMessageAt").lt(cursor.at()),
					Criteria.where("lastMessageAt").is(cursor.at()).and("_id").lt(new org.bson.types.ObjectId(cursor.id()))));
		}
		Query query = Query.query(new Criteria().andOperator(all))
			.with(Sort.by(Sort.Direction.DESC, "lastMessageAt", "_id"))
			.limit(first + 1);
		List<Conversation> found = this.mongo.find(query, Conversation.class);
		boolean hasNext = found.size() > first;
		return new Page(hasNext ? found.subList(0, first) : found, hasNext);
	}

	/** Conversations whose candidate's name, or any of whose messages, contain the text (never a pattern). */
	private Criteria matching(String accountId, String search) {
		Pattern contains = Pattern.compile(Pattern.quote(search), Pattern.CASE_INSENSITIVE);
		List<Object> candidateIds = this.mongo
			.findDistinct(Query.query(Criteria.where("accountId").is(accountId)
				.orOperator(Criteria.where("firstName").regex(contains), Criteria.where("lastName").regex(contains),
						Criteria.where("mobile").regex(contains))),
					"_id", "candidates", Object.class)
			.stream()
			.map(Object::toString)
			.map(Object.class::cast)
			.toList();
		List<String> conversationIds = this.mongo
			.find(Query.query(Criteria.where("accountId").is(accountId).and("body").regex(contains))
				.limit(SEARCH_MESSAGE_LIMIT), SmsMessage.class)
			.stream()
			.map(SmsMessage::conversationId)
			.distinct()
			.toList();
		return new Criteria().orOperator(Criteria.where("candidateId").in(candidateIds),
				Criteria.where("_id").in(conversationIds));
	}

	Optional<Conversation> conversation(Caller caller, String id) {
		return Optional.ofNullable(this.mongo.findOne(
				Query.query(Criteria.where("_id").is(id).and("accountId").is(caller.accountId())), Conversation.class));
	}

	/** A thread's messages, newest first, optionally older than the message {@code before}. */
	List<SmsMessage> messages(Conversation conversation, int first, String before) {
		Criteria criteria = Criteria.where("conversationId").is(conversation.id());
		if (before != null && !before.isBlank()) {
			SmsMessage pivot = this.mongo.findOne(
					Query.query(Criteria.where("_id").is(before).and("conversationId").is(conversation.id())),
					SmsMessage.class);
			if (pivot == null) {
				throw new DomainException.BadRequest("before '" + before + "' is not a message of this conversation.");
			}
			criteria = criteria.and("createdAt").lt(pivot.createdAt());
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(first),
				SmsMessage.class);
	}

	Conversation markRead(Caller caller, String id) {
		Conversation conversation = conversation(caller, id).orElseThrow(() -> new DomainException.NotFound("Conversation", id));
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(conversation.id())), Update.update("unread", 0),
				Conversation.class);
		this.mongo.updateMulti(Query.query(Criteria.where("conversationId").is(conversation.id())
			.and("userId").is(caller.userId())
			.and("readAt").isNull()), Update.update("readAt", this.clock.instant()), Notification.class);
		return conversation(caller, id).orElseThrow();
	}

	List<Notification> notifications(Caller caller, boolean unreadOnly) {
		Criteria criteria = Criteria.where("accountId").is(caller.accountId()).and("userId").is(caller.userId());
		if (unreadOnly) {
			criteria = criteria.and("readAt").isNull();
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(100),
				Notification.class);
	}

	long unreadNotifications(Caller caller) {
		return this.mongo.count(Query.query(Criteria.where("accountId").is(caller.accountId())
			.and("userId").is(caller.userId())
			.and("readAt").isNull()), Notification.class);
	}

	Notification markNotificationRead(Caller caller, String id) {
		Query own = Query.query(Criteria.where("_id").is(id).and("accountId").is(caller.accountId()).and("userId").is(caller.userId()));
		Notification notification = this.mongo.findOne(own, Notification.class);
		if (notification == null) {
			throw new DomainException.NotFound("Notification", id);
		}
		if (notification.readAt() == null) {
			this.mongo.updateFirst(own, Update.update("readAt", this.clock.instant()), Notification.class);
		}
		return this.mongo.findOne(own, Notification.class);
	}

	long markAllNotificationsRead(Caller caller) {
		return this.mongo.updateMulti(Query.query(Criteria.where("accountId").is(caller.accountId())
			.and("userId").is(caller.userId())
			.and("readAt").isNull()), Update.update("readAt", this.clock.instant()), Notification.class)
			.getModifiedCount();
	}

	Optional<SmsMessage> byProviderId(String accountId, String providerMessageId) {
		return Optional.ofNullable(this.mongo.findOne(Query.query(
				Criteria.where("providerMessageId").is(providerMessageId).and("accountId").is(accountId)), SmsMessage.class));
	}

	/** Our number that most recently texted with this candidate, if any. */
	Optional<String> latestNumberTexting(String accountId, String candidateId) {
		return Optional.ofNullable(this.mongo.findOne(
				Query.query(Criteria.where("accountId").is(accountId).and("candidateId").is(candidateId))
					.with(Sort.by(Sort.Direction.DESC, "lastMessageAt")),
				Conversation.class)).map(Conversation::ourNumber);
	}

	Optional<SmsMessage> message(String accountId, String id) {
		return Optional.ofNullable(this.mongo.findOne(
				Query.query(Criteria.where("_id").is(id).and("accountId").is(accountId)), SmsMessage.class));
	}

	/** Opaque to clients: the last conversation's activity time and id. */
	record Cursor(Instant at, String id) {

		static Cursor parse(String text) {
			try {
				String decoded = new String(java.util.Base64.getUrlDecoder().decode(text));
				int bar = decoded.indexOf('|');
				String id = decoded.substring(bar + 1);
				if (!org.bson.types.ObjectId.isValid(id)) {
					throw new IllegalArgumentException("not a conversation id");
				}
				return new Cursor(Instant.parse(decoded.substring(0, bar)), id);
			}
			catch (RuntimeException ex) {
				throw new DomainException.BadRequest("The cursor '" + text + "' is not one this API gave out.");
			}
		}

		static String of(Conversation conversation) {
			return java.util.Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString((conversation.lastMessageAt() + "|" + conversation.id()).getBytes());
		}

	}

}
