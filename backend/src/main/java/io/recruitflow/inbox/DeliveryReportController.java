package io.recruitflow.inbox;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /webhooks/messagebird/status}: MessageBird's delivery reports, as GET query parameters or
 * a POST form. Unknown message ids are answered 200 and ignored, so MessageBird does not retry
 * them forever; a report that is not genuine gets 401 and changes nothing.
 */
@RestController
class DeliveryReportController {

	private static final Logger log = LoggerFactory.getLogger(DeliveryReportController.class);

	private final WebhookAuthenticity authenticity;

	private final InboxService inbox;

	DeliveryReportController(WebhookAuthenticity authenticity, InboxService inbox) {
		this.authenticity = authenticity;
		this.inbox = inbox;
	}

	@RequestMapping(path = "/webhooks/messagebird/status", method = { RequestMethod.GET, RequestMethod.POST })
	ResponseEntity<Map<String, String>> deliveryReport(HttpServletRequest request) throws IOException {
		byte[] body = StreamUtils.copyToByteArray(request.getInputStream());
		if (!this.authenticity.genuine(request, body)) {
			return ResponseEntity.status(401).body(Map.of("error", "The webhook signature is missing or invalid."));
		}
		Map<String, String> report;
		try {
			report = parameters(request, body);
		}
		catch (IllegalArgumentException malformed) {
			return ResponseEntity.badRequest().body(Map.of("error", "The delivery report is not a valid form: " + malformed.getMessage()));
		}
		String id = report.get("id");
		String status = report.get("status");
		if (id == null || status == null) {
			return ResponseEntity.badRequest().body(Map.of("error", "A delivery report needs id and status."));
		}
		boolean applied = this.inbox.applyDeliveryReport(id, status, report.get("statusReason"),
				report.get("statusErrorCode"), time(report.get("statusDatetime")));
		if (!applied) {
			log.debug("Delivery report for unknown or already final message {} ignored", id);
		}
		return ResponseEntity.ok(Map.of("status", "ok"));
	}

	/** GET reports carry the query string; POST reports a form body (which the servlet may already have read). */
	private static Map<String, String> parameters(HttpServletRequest request, byte[] body) {
		var parameters = new java.util.HashMap<String, String>();
		request.getParameterMap().forEach((name, values) -> parameters.put(name, values.length > 0 ? values[0] : null));
		if (body.length > 0) {
			UriComponentsBuilder.newInstance()
				.query(new String(body, java.nio.charset.StandardCharsets.UTF_8))
				.build()
				.getQueryParams()
				.forEach((name, values) -> parameters.putIfAbsent(name,
						values.isEmpty() || values.getFirst() == null ? null
								: java.net.URLDecoder.decode(values.getFirst(), java.nio.charset.StandardCharsets.UTF_8)));
		}
		return parameters;
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
