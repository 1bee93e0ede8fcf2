package io.recruitflow.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitflow.candidate.PhoneNumbers;
import io.recruitflow.platform.DomainException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /webhooks/messagebird/inbound}: an SMS a candidate sent to one of our numbers, as
 * JSON or a form. Answers 401 for anything not genuinely from MessageBird (and stores nothing),
 * 400 for a malformed message, and 200 for everything MessageBird should not retry: stored,
 * already stored, a replayed signature, or a number no account owns.
 */
@RestController
class InboundWebhookController {

	static final String PATH = "/webhooks/messagebird/inbound";

	/** Numbers without a country code are read as this region's; MessageBird sends full numbers. */
	private static final String DEFAULT_REGION = "AU";

	private final ObjectMapper json = new ObjectMapper();

	private final WebhookAuthenticity authenticity;

	private final InboundService inbound;

	InboundWebhookController(WebhookAuthenticity authenticity, InboundService inbound) {
		this.authenticity = authenticity;
		this.inbound = inbound;
	}

	@PostMapping(PATH)
	ResponseEntity<Map<String, String>> receive(HttpServletRequest request) throws IOException {
		byte[] body = StreamUtils.copyToByteArray(request.getInputStream());
		WebhookAuthenticity.Verdict verdict = this.authenticity.verdict(request, body);
		if (verdict == WebhookAuthenticity.Verdict.FORGED) {
			return ResponseEntity.status(401).body(Map.of("error", "The webhook signature is missing or invalid."));
		}
		if (verdict == WebhookAuthenticity.Verdict.REPLAYED) {
			return ResponseEntity.ok(Map.of("status", "duplicate"));
		}
		Map<String, String> fields;
		try {
			fields = fields(request, body);
		}
		catch (IOException | UncheckedIOException malformed) {
			return ResponseEntity.badRequest().body(Map.of("error", "The body is neither JSON nor a form."));
		}
		try {
			InboundSms sms = new InboundSms(fields.get("id"), number("originator", fields.get("originator")),
					number("recipient", fields.get("recipient")), text(fields), time(fields.get("createdDatetime")));
			InboundService.validate(sms);
			InboundService.Outcome outcome = this.inbound.receive(sms);
			return ResponseEntity.ok(Map.of("status", outcome.name().toLowerCase()));
		}
		catch (DomainException.BadRequest ex) {
			return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
		}
	}

	private Map<String, String> fields(HttpServletRequest request, byte[] body) throws IOException {
		Map<String, String> fields = new HashMap<>();
		String contentType = request.getContentType() == null ? "" : request.getContentType();
		if (contentType.startsWith(MediaType.APPLICATION_JSON_VALUE)) {
			JsonNode node = this.json.readTree(body);
			if (node == null || !node.isObject()) {
				throw new IOException("not a JSON object");
			}
			node.properties().forEach(entry -> fields.put(entry.getKey(),
					entry.getValue().isValueNode() ? entry.getValue().asText() : entry.getValue().toString()));
			return fields;
		}
		request.getParameterMap().forEach((name, values) -> fields.put(name, values.length > 0 ? values[0] : null));
		if (body.length > 0) {
			UriComponentsBuilder.newInstance()
				.query(new String(body, StandardCharsets.UTF_8))
				.build()
				.getQueryParams()
				.forEach((name, values) -> fields.putIfAbsent(name, values.isEmpty() || values.getFirst() == null ? null
						: decode(values.getFirst())));
		}
		return fields;
	}

	/** A form value; a malformed %-escape makes the whole body unreadable rather than a server error. */
	private static String decode(String value) throws UncheckedIOException {
		try {
			return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			throw new UncheckedIOException(new IOException("malformed form: " + malformed.getMessage()));
		}
	}

	/** MessageBird calls the text "body"; its Flows and older forwards call it "message" or "payload". */
	private static String text(Map<String, String> fields) {
		for (String name : new String[] { "body", "message", "payload" }) {
			if (fields.get(name) != null) {
				return fields.get(name);
			}
		}
		return null;
	}

	private static String number(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return PhoneNumbers.toE164(value, DEFAULT_REGION)
			.orElseThrow(() -> new DomainException.BadRequest(field + " '" + value + "' is not a valid phone number."));
	}

	private static Instant time(String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
