package io.recruitflow.inbox;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.recruitflow.account.AccountService;
import io.recruitflow.account.UserView;
import io.recruitflow.candidate.Candidate;
import io.recruitflow.platform.Caller;
import io.recruitflow.platform.DomainException;
import io.recruitflow.workflow.Workflow;
import io.recruitflow.workflow.WorkflowService;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** Messages as the API shows them, and a candidate's SMS thread. */
@Controller
class MessageController {

	static final int DEFAULT_MESSAGES = 50;

	static final int MAX_MESSAGES = 200;

	private final InboxService inbox;

	private final AccountService accounts;

	private final WorkflowService workflows;

	MessageController(InboxService inbox, AccountService accounts, WorkflowService workflows) {
		this.inbox = inbox;
		this.accounts = accounts;
		this.workflows = workflows;
	}

	@SchemaMapping(typeName = "Candidate")
	List<SmsMessage> messages(Candidate candidate, @Argument Integer first, @AuthenticationPrincipal Caller caller) {
		int limit = first == null ? DEFAULT_MESSAGES : first;
		if (limit < 1 || limit > MAX_MESSAGES) {
			throw new DomainException.BadRequest("first must be 1 to " + MAX_MESSAGES + ".");
		}
		return this.inbox.messagesOfCandidate(caller.accountId(), candidate.id(), limit);
	}

	@BatchMapping(typeName = "Message")
	Map<SmsMessage, UserView> sender(List<SmsMessage> messages) {
		// Batch loaders see no caller; the messages' own account scopes the lookup.
		Map<String, UserView> users = this.accounts.usersById(Caller.system(messages.getFirst().accountId()));
		return messages.stream()
			.filter(message -> message.senderUserId() != null && users.containsKey(message.senderUserId()))
			.collect(Collectors.toMap(Function.identity(), message -> users.get(message.senderUserId())));
	}

	@BatchMapping(typeName = "Message")
	Map<SmsMessage, String> workflowName(List<SmsMessage> messages) {
		String accountId = messages.getFirst().accountId();
		Map<String, String> names = messages.stream()
			.map(SmsMessage::workflowId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.map(id -> this.workflows.workflowForRun(accountId, id))
			.flatMap(java.util.Optional::stream)
			.collect(Collectors.toMap(Workflow::id, Workflow::name));
		return messages.stream()
			.filter(message -> message.workflowId() != null && names.containsKey(message.workflowId()))
			.collect(Collectors.toMap(Function.identity(), message -> names.get(message.workflowId())));
	}

}
