package io.recruitflow.sms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param accessKey MESSAGEBIRD_ACCESS_KEY; blank selects the sandbox gateway
 * @param baseUrl MESSAGEBIRD_BASE_URL; blank keeps the SDK's default
 * @param connectTimeout the SDK sets none, so a dead network would hang a send for minutes
 * @param readTimeout likewise for a provider that accepted the connection but does not answer
 * @param signingKey MESSAGEBIRD_SIGNING_KEY, which verifies webhook signatures
 */
@ConfigurationProperties("recruitflow.sms")
public record SmsProperties(String accessKey, String baseUrl, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, String signingKey) {
}
