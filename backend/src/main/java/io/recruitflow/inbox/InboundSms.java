package io.recruitflow.inbox;

import java.time.Instant;

/**
 * An SMS a candidate sent us, as the provider forwards it.
 *
 * @param providerMessageId the provider's id: the message is stored once per id
 */
record InboundSms(String providerMessageId, String originator, String recipient, String body, Instant receivedAt) {
}
