package io.recruitflow.inbox;

import jakarta.servlet.http.HttpServletRequest;

import io.recruitflow.sms.SmsGateway;
import io.recruitflow.sms.WebhookSignatures;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decides whether a MessageBird webhook is genuine. With a signing key, its signature must verify
 * against the URL MessageBird called (our public base URL plus the path and query) and the exact
 * body. Without one, only the sandbox accepts webhooks — there is nothing real to protect, and a
 * recruiter's "simulate a reply" uses the same path.
 */
@Component
class WebhookAuthenticity {

	private final WebhookSignatures signatures;

	private final SmsGateway gateway;

	private final String publicBaseUrl;

	private final WebhookReplays replays;

	WebhookAuthenticity(WebhookSignatures signatures, SmsGateway gateway, WebhookReplays replays,
			@Value("${recruitflow.public-base-url}") String publicBaseUrl) {
		this.replays = replays;
		this.signatures = signatures;
		this.gateway = gateway;
		this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
	}

	boolean genuine(HttpServletRequest request, byte[] body) {
		return verdict(request, body) != Verdict.FORGED;
	}

	enum Verdict {

		/** Signed by MessageBird for this URL and body, first use of the signature. */
		GENUINE,
		/** Genuine, but this signature was already used: answer OK and do nothing. */
		REPLAYED,
		/** Unsigned, forged, expired, or for another URL or body — or no signing key outside the sandbox. */
		FORGED,
		/** No signing key, in sandbox mode: nothing real to protect. */
		SANDBOX

	}

	Verdict verdict(HttpServletRequest request, byte[] body) {
		if (!this.signatures.configured()) {
			return this.gateway.sandbox() ? Verdict.SANDBOX : Verdict.FORGED;
		}
		String query = request.getQueryString();
		String url = this.publicBaseUrl + request.getRequestURI() + (query == null ? "" : "?" + query);
		return this.signatures.verify(request.getHeader(WebhookSignatures.HEADER), url, body)
			.map(signatureId -> this.replays.firstUse(signatureId) ? Verdict.GENUINE : Verdict.REPLAYED)
			.orElse(Verdict.FORGED);
	}

}
