package io.recruitflow.sms;

/**
 * A send that did not succeed. Retryable failures (timeouts, connection errors, provider 5xx) may
 * succeed later; the others (4xx) will not, and carry the provider's own error text.
 */
public class SmsSendException extends Exception {

	private final boolean retryable;

	private final Integer providerCode;

	public SmsSendException(String message, boolean retryable, Integer providerCode, Throwable cause) {
		super(message, cause);
		this.retryable = retryable;
		this.providerCode = providerCode;
	}

	public boolean retryable() {
		return this.retryable;
	}

	/** MessageBird's error code (e.g. 25 "not enough balance"), when it gave one. */
	public Integer providerCode() {
		return this.providerCode;
	}

}
