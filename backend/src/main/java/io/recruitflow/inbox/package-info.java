/**
 * Conversations and messages in both directions, their delivery status, and (with the replies
 * feature) inbound SMS, notifications and live events, each live subscription executed once for
 * everyone entitled to the same results. A message is stored once: outbound ones are keyed by the
 * step execution that sent them, all by the provider's message id.
 */
package io.recruitflow.inbox;
