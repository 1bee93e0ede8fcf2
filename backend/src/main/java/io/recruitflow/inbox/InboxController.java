package io.recruitflow.inbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.recruitflow.account.AccountService;
import io.recruitflow.account.UserView;
import io.recruitflow.candidate.Candidate;
import io.recruitflow.candidate.CandidateService;
import io.recruitflow.platform.Caller;
import io.recruitflow.platform.DomainException;
import io.recruitflow.sms.SmsGateway;
import io.recruitflow.template.SmsMeasure;
import org.bson.types.ObjectId;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** The Shared Inbox over GraphQL: conversations, replying, notifications, sandbox replies. */
@Controller
class InboxController {

	static final int DEFAULT_PAGE = 25;

	static final int MAX_PAGE = 100;

	private final InboxQueries queries;

	private final CandidateService candidates;

	private final AccountService accounts;

	private final DirectMessages direct;

	private final InboundService inbound;

	private final SmsGateway gateway;

	InboxController(InboxQueries queries, CandidateService candidates, AccountService accounts, DirectMessages direct,
			InboundService inbound, SmsGateway gateway) {
		this.queries = queries;
		this.candidates = candidates;
		this.accounts = accounts;
		this.direct = direct;
		this.inbound = inbound;
		this.gateway = gateway;
	}

	@QueryMapping
	Map<String, Object> inbox(@Argument Boolean mine, @Argument Boolean unreadOnly, @Argument Instant since,
			@Argument String search, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller) {
		int size = pageSize(first);
		InboxQueries.Page page = this.queries.inbox(caller, mine == null || mine, Boolean.TRUE.equals(unreadOnly), since,
				search, size, after);
		List<Map<String, Object>> edges = page.conversations()
			.stream()
			.map(conversation -> Map.<String, Object>of("cursor", InboxQueries.Cursor.of(conversation), "node", conversation))
			.toList();
		Map<String, Object> pageInfo = new HashMap<>();
		pageInfo.put("hasNextPage", page.hasNext());
		pageInfo.put("endCursor", page.conversations().isEmpty() ? null
				: InboxQueries.Cursor.of(page.conversations().getLast()));
		return Map.of("edges", edges, "pageInfo", pageInfo);
	}

	@QueryMapping
	Conversation conversation(@Argument String id, @AuthenticationPrincipal Caller caller) {
		return this.queries.conversation(caller, id).orElse(null);
	}

	@QueryMapping
	List<Notification> notifications(@Argument Boolean unreadOnly, @AuthenticationPrincipal Caller caller) {
		return this.queries.notifications(caller, Boolean.TRUE.equals(unreadOnly));
	}

	@QueryMapping
	long unreadNotificationCount(@AuthenticationPrincipal Caller caller) {
		return this.queries.unreadNotifications(caller);
	}

	@MutationMapping
	SmsMessage sendChatMessage(@Argument String candidateId, @Argument String body,
			@AuthenticationPrincipal Caller caller) {
		Candidate candidate = this.candidates.candidate(caller, candidateId)
			.orElseThrow(() -> new DomainException.NotFound("Candidate", candidateId));
		SmsMeasure measure = DirectMessages.check(candidate, body);
		UserView sender = this.accounts.me(caller);
		return this.direct.send(caller.accountId(), candidate, sender.senderNumber(), sender.id(), body, measure);
	}

	@MutationMapping
	Conversation markConversationRead(@Argument String id, @AuthenticationPrincipal Caller caller) {
		return this.queries.markRead(caller, id);
	}

	@MutationMapping
	Notification markNotificationRead(@Argument String id, @AuthenticationPrincipal Caller caller) {
		return this.queries.markNotificationRead(caller, id);
	}

	@MutationMapping
	long markAllNotificationsRead(@AuthenticationPrincipal Caller caller) {
		return this.queries.markAllNotificationsRead(caller);
	}

	/** Sandbox only: the candidate "replies", through the same inbound path as MessageBird's webhook. */
	@MutationMapping
	SmsMessage simulateCandidateReply(@Argument String candidateId, @Argument String body, @Argument String toNumber,
			@AuthenticationPrincipal Caller caller) {
		if (!this.gateway.sandbox()) {
			throw new DomainException.BadRequest(
					"Simulated replies exist only in sandbox mode; with MessageBird configured, real replies arrive by SMS.");
		}
		Candidate candidate = this.candidates.candidate(caller, candidateId)
			.orElseThrow(() -> new DomainException.NotFound("Candidate", candidateId));
		if (candidate.mobile() == null) {
			throw new DomainException.BadRequest(candidate.fullName() + " has no valid mobile number to reply from.");
		}
		String to = toNumber != null ? toNumber : this.queries.latestNumberTexting(caller.accountId(), candidate.id())
			.orElse(this.accounts.me(caller).senderNumber());
		boolean ours = this.accounts.numberOwner(to).map(owner -> owner.accountId().equals(caller.accountId())).orElse(false);
		if (!ours) {
			throw new DomainException.BadRequest("toNumber '" + to + "' is not one of your account's SMS numbers.");
		}
		InboundSms sms = new InboundSms("sandbox-in-" + new ObjectId().toHexString(), candidate.mobile(), to, body,
				Instant.now());
		InboundService.validate(sms);
		this.inbound.receive(sms);
		return this.queries.byProviderId(caller.accountId(), sms.providerMessageId()).orElseThrow();
	}

	@BatchMapping(typeName = "Conversation")
	Map<Conversation, Candidate> candidate(List<Conversation> conversations) {
		Map<String, Candidate> byId = this.candidates.candidatesForRuns(conversations.getFirst().accountId(),
				conversations.stream().map(Conversation::candidateId).distinct().toList());
		return conversations.stream()
			.filter(conversation -> byId.containsKey(conversation.candidateId()))
			.collect(Collectors.toMap(Function.identity(), conversation -> byId.get(conversation.candidateId())));
	}

	@BatchMapping(typeName = "Conversation")
	Map<Conversation, UserView> assignedUser(List<Conversation> conversations) {
		Map<String, UserView> users = this.accounts.usersById(Caller.system(conversations.getFirst().accountId()));
		return conversations.stream()
			.filter(conversation -> conversation.assignedUserId() != null && users.containsKey(conversation.assignedUserId()))
			.collect(Collectors.toMap(Function.identity(), conversation -> users.get(conversation.assignedUserId())));
	}

	@SchemaMapping(typeName = "Conversation")
	List<SmsMessage> messages(Conversation conversation, @Argument Integer first, @Argument String before) {
		return this.queries.messages(conversation, pageSize(first == null ? 50 : first), before);
	}

	@SchemaMapping(typeName = "Conversation")
	String preview(Conversation conversation) {
		return conversation.preview() == null ? "" : conversation.preview();
	}

	@BatchMapping(typeName = "Notification")
	Map<Notification, SmsMessage> message(List<Notification> notifications) {
		String accountId = notifications.getFirst().accountId();
		return notifications.stream()
			.map(notification -> Map.entry(notification, this.queries.message(accountId, notification.messageId())))
			.filter(entry -> entry.getValue().isPresent())
			.collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get()));
	}

	private static int pageSize(Integer first) {
		int size = first == null ? DEFAULT_PAGE : first;
		if (size < 1 || size > MAX_PAGE) {
			throw new DomainException.BadRequest("first must be 1 to " + MAX_PAGE + ".");
		}
		return size;
	}

}
