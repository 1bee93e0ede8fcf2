package io.recruitflow.sms;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.types.ObjectId;

/**
 * Accepts every message without sending it, so the product can be tried without a provider
 * account. Ids are prefixed so that sandbox messages are recognisable wherever they show.
 */
class SandboxGateway implements SmsGateway {

	static final String ID_PREFIX = "sandbox-";

	/** Within one process, a resend after a crash window finds what the sandbox "sent". */
	private final Map<String, SendReceipt> sentByReference = new ConcurrentHashMap<>();

	@Override
	public SendReceipt send(OutboundSms sms) {
		return this.sentByReference.computeIfAbsent(sms.reference(),
				reference -> new SendReceipt(ID_PREFIX + new ObjectId().toHexString()));
	}

	@Override
	public Optional<SendReceipt> findSent(String reference, String recipient, Instant since) {
		return Optional.ofNullable(this.sentByReference.get(reference));
	}

	@Override
	public boolean sandbox() {
		return true;
	}

}
