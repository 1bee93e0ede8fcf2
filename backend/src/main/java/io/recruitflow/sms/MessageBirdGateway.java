package io.recruitflow.sms;

import java.io.InterruptedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.messagebird.MessageBirdClient;
import com.messagebird.exceptions.GeneralException;
import com.messagebird.exceptions.UnauthorizedException;
import com.messagebird.objects.DataCodingType;
import com.messagebird.objects.ErrorReport;
import com.messagebird.objects.Message;
import com.messagebird.objects.MessageList;
import com.messagebird.objects.MessageResponse;

import org.springframework.util.StringUtils;

/**
 * MessageBird through its official SDK ({@code POST {baseUrl}/messages}). Sets what the SDK
 * leaves out: timeouts (see {@link TimeoutMessageBirdService}), {@code datacoding=auto} so
 * non-GSM text is sent as Unicode instead of mangled, and a reference for delivery reports.
 */
class MessageBirdGateway implements SmsGateway {

	/** Reconciliation looks at one recipient's messages since the crash window opened: a handful. */
	private static final int LOOKUP_PAGE_SIZE = 50;

	private final MessageBirdClient client;

	private final URL reportUrl;

	/** @param reportUrl where MessageBird posts delivery reports */
	MessageBirdGateway(SmsProperties properties, String reportUrl) {
		String baseUrl = StringUtils.hasText(properties.baseUrl()) ? properties.baseUrl().replaceAll("/+$", "")
				: "https://rest.messagebird.com";
		this.client = new MessageBirdClient(new TimeoutMessageBirdService(properties.accessKey(), baseUrl,
				properties.connectTimeout(), properties.readTimeout()));
		try {
			this.reportUrl = URI.create(reportUrl).toURL();
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalStateException("PUBLIC_BASE_URL must be an absolute URL; the report URL '" + reportUrl
					+ "' is not", ex);
		}
	}

	@Override
	public SendReceipt send(OutboundSms sms) throws SmsSendException {
		Message message = new Message(sms.originator(), sms.body(), sms.recipient().replaceFirst("^\\+", ""));
		message.setReference(sms.reference());
		message.setDatacoding(DataCodingType.auto);
		message.setReportUrl(this.reportUrl);
		try {
			MessageResponse response = this.client.sendMessage(message);
			return new SendReceipt(response.getId());
		}
		catch (UnauthorizedException ex) {
			throw new SmsSendException("MessageBird rejected the access key: " + describe(ex.getErrors(), ex), false,
					firstCode(ex.getErrors()), ex);
		}
		catch (GeneralException ex) {
			throw translate(ex);
		}
	}

	@Override
	public Optional<SendReceipt> findSent(String reference, String recipient, Instant since) throws SmsSendException {
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("recipient", recipient.replaceFirst("^\\+", ""));
		filters.put("from", since.toString());
		try {
			MessageList page = this.client.listMessagesFiltered(0, LOOKUP_PAGE_SIZE, filters);
			List<MessageResponse> items = page == null || page.getItems() == null ? List.of() : page.getItems();
			return items.stream()
				.filter(item -> reference.equals(item.getReference()))
				.findFirst()
				.map(item -> new SendReceipt(item.getId()));
		}
		catch (UnauthorizedException ex) {
			throw new SmsSendException("MessageBird rejected the access key", false, firstCode(ex.getErrors()), ex);
		}
		catch (GeneralException ex) {
			throw translate(ex);
		}
	}

	@Override
	public boolean sandbox() {
		return false;
	}

	private static SmsSendException translate(GeneralException ex) {
		Integer status = ex.getResponseCode();
		if (status == null) {
			boolean timeout = hasCause(ex, InterruptedIOException.class);
			String what = timeout ? "MessageBird did not answer in time" : "Could not reach MessageBird";
			return new SmsSendException(what + ": " + rootMessage(ex), true, null, ex);
		}
		if (status >= 500 || status == 429) {
			return new SmsSendException("MessageBird failed on its side (HTTP " + status + "): " + describe(ex.getErrors(), ex),
					true, firstCode(ex.getErrors()), ex);
		}
		return new SmsSendException("MessageBird refused the message (HTTP " + status + "): " + describe(ex.getErrors(), ex),
				false, firstCode(ex.getErrors()), ex);
	}

	private static String describe(List<ErrorReport> errors, Exception ex) {
		if (errors == null || errors.isEmpty()) {
			return rootMessage(ex);
		}
		return errors.stream()
			.map(error -> (error.getDescription() != null ? error.getDescription() : error.getMessage())
					+ (error.getCode() != null ? " (code " + error.getCode() + ")" : ""))
			.collect(Collectors.joining("; "));
	}

	private static Integer firstCode(List<ErrorReport> errors) {
		return errors == null || errors.isEmpty() ? null : errors.getFirst().getCode();
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
	}

}
