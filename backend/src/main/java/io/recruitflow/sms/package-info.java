/**
 * The {@link io.recruitflow.sms.SmsGateway} port and its adapters: MessageBird through its real
 * SDK, and the sandbox used when no access key is configured. Knows no feature: it speaks in
 * numbers, texts, references and provider ids.
 */
package io.recruitflow.sms;
