package io.recruitflow.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Whether SMS really leave the building: without a MessageBird access key the app runs in sandbox
 * mode, and the UI says so.
 */
@Component
public class SmsMode {

	private final boolean sandbox;

	SmsMode(@Value("${recruitflow.sms.access-key:}") String accessKey) {
		this.sandbox = !StringUtils.hasText(accessKey);
	}

	public boolean sandbox() {
		return this.sandbox;
	}

}
