package io.recruitflow.sms;

import java.time.Instant;
import java.util.Optional;

/**
 * Sends one SMS. The provider offers no idempotency key, so callers must record that a send is
 * under way before calling {@link #send} and use {@link #findSent} to reconcile after a crash.
 */
public interface SmsGateway {

	/**
	 * @return the provider's id of the accepted message
	 * @throws SmsSendException when the provider refused it ({@link SmsSendException#retryable()}
	 * false) or could not be reached or failed on its side (retryable)
	 */
	SendReceipt send(OutboundSms sms) throws SmsSendException;

	/**
	 * The message sent with this reference to this recipient since {@code since}, if the provider
	 * has it. Empty means "not found"; a failure to ask throws.
	 */
	Optional<SendReceipt> findSent(String reference, String recipient, Instant since) throws SmsSendException;

	/** True when messages are recorded but never leave the building. */
	boolean sandbox();

	/**
	 * @param originator the sender's number (E.164) shown to the candidate
	 * @param recipient the candidate's number (E.164)
	 * @param body the rendered text
	 * @param reference our id for the message (≤ 128 characters); delivery reports quote it
	 */
	record OutboundSms(String originator, String recipient, String body, String reference) {
	}

	record SendReceipt(String providerMessageId) {
	}

}
