package io.recruitflow.inbox;

/**
 * What the sender of an SMS tells the inbox to record.
 *
 * @param stepExecutionId set when a workflow step sent it; recording twice then returns the first
 */
public record OutboundMessage(String accountId, String candidateId, String from, String to, String body,
		String encoding, int segments, String senderUserId, String workflowId, String stepExecutionId,
		String providerMessageId, boolean sandbox) {
}
