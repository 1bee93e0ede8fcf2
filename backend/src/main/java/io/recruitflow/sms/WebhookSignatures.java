package io.recruitflow.sms;

import java.util.Optional;

import com.auth0.jwt.interfaces.DecodedJWT;
import com.messagebird.RequestValidator;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Checks the {@code MessageBird-Signature-JWT} of a webhook with the SDK's
 * {@link RequestValidator}: signed with our signing key, issued by MessageBird, not expired, and
 * bound to this exact URL and body. It does not catch replays; callers remember the JWT id.
 */
@Component
public class WebhookSignatures {

	public static final String HEADER = RequestValidator.SIGNATURE_HEADER;

	private final RequestValidator validator;

	WebhookSignatures(SmsProperties properties) {
		this.validator = StringUtils.hasText(properties.signingKey()) ? new RequestValidator(properties.signingKey())
				: null;
	}

	public boolean configured() {
		return this.validator != null;
	}

	/** A valid signature's JWT id (for replay detection), or empty when the request is not genuine. */
	public Optional<String> verify(String signature, String url, byte[] body) {
		if (this.validator == null || !StringUtils.hasText(signature)) {
			return Optional.empty();
		}
		try {
			DecodedJWT jwt = this.validator.validateSignature(signature, url, body == null ? new byte[0] : body);
			return Optional.of(jwt.getId() != null ? jwt.getId() : jwt.getSignature());
		}
		catch (RuntimeException invalid) {
			// RequestValidationException and the JWT library's own: either way, not genuine.
			return Optional.empty();
		}
	}

}
