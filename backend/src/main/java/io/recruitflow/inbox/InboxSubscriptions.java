package io.recruitflow.inbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.recruitflow.platform.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * The live subscriptions. Each caller's stream is their account's (and, for notifications, checked
 * to be their own) before anything is loaded, so no event of another account or user is ever read
 * on their behalf.
 */
@Controller
class InboxSubscriptions {

	record InboxEvent(SmsMessage message, Conversation conversation) {
	}

	private final LiveEvents live;

	private final InboxQueries queries;

	private final org.springframework.data.mongodb.core.MongoTemplate mongo;

	/**
	 * Each account's inbound messages, loaded once per instance however many of its users are
	 * subscribed. Loaded with the event's own account scope.
	 */
	private final Map<String, Flux<InboxEvent>> inbound = new ConcurrentHashMap<>();

	InboxSubscriptions(LiveEvents live, InboxQueries queries, org.springframework.data.mongodb.core.MongoTemplate mongo) {
		this.live = live;
		this.queries = queries;
		this.mongo = mongo;
	}

	@SubscriptionMapping
	Flux<InboxEvent> inboxMessageReceived(@AuthenticationPrincipal Caller caller) {
		return LiveEvents.buffered(inbound(caller.accountId()))
			.filter(event -> caller.accountId().equals(event.message().accountId()));
	}

	private Flux<InboxEvent> inbound(String accountId) {
		return this.inbound.computeIfAbsent(accountId, account -> this.live.events(account)
			.filter(event -> event.kind() == LiveEvents.Kind.INBOUND_MESSAGE)
			.concatMap(event -> carried(event)
				.map(Mono::just)
				.orElseGet(() -> load(() -> this.queries.message(event.accountId(), event.messageId())
					.flatMap(message -> this.queries.conversation(Caller.system(event.accountId()), message.conversationId())
						.map(conversation -> new InboxEvent(message, conversation)))
					.orElse(null))))
			.share());
	}

	@SubscriptionMapping
	Flux<Notification> notificationReceived(@AuthenticationPrincipal Caller caller) {
		return this.live.events(caller.accountId())
			.filter(event -> event.kind() == LiveEvents.Kind.NOTIFICATION && caller.accountId().equals(event.accountId())
					&& caller.userId() != null && caller.userId().equals(event.userId()))
			.concatMap(event -> this.live.content(event.notification(), Notification.class)
				.filter(notification -> event.userId().equals(notification.userId()))
				.map(Mono::just)
				.orElseGet(() -> load(() -> this.mongo.findById(event.notificationId(), Notification.class))));
	}

	@SubscriptionMapping
	Flux<SmsMessage> messageStatusChanged(@AuthenticationPrincipal Caller caller) {
		return this.live.events(caller.accountId())
			.filter(event -> event.kind() == LiveEvents.Kind.MESSAGE_STATUS && caller.accountId().equals(event.accountId()))
			.concatMap(event -> this.live.content(event.message(), SmsMessage.class)
				.filter(message -> caller.accountId().equals(message.accountId()))
				.map(Mono::just)
				.orElseGet(() -> load(() -> this.queries.message(caller.accountId(), event.messageId()).orElse(null))));
	}

	/** The message and conversation the event carries, when it carries them and they are its account's. */
	private Optional<InboxEvent> carried(LiveEvents.LiveEvent event) {
		return this.live.content(event.message(), SmsMessage.class)
			.filter(message -> event.accountId().equals(message.accountId()))
			.flatMap(message -> this.live.content(event.conversation(), Conversation.class)
				.filter(conversation -> conversation.id().equals(message.conversationId()))
				.map(conversation -> new InboxEvent(message, conversation)));
	}

	/** Reads off the event thread, which must stay free to deliver to everyone else. */
	private static <T> Mono<T> load(java.util.concurrent.Callable<T> read) {
		return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic());
	}

}
