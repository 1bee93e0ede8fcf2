package io.recruitflow.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** MessageBird when an access key is configured, else the sandbox. */
@Configuration(proxyBeanMethods = false)
class SmsGatewayConfiguration {

	/** Where MessageBird posts delivery reports (the inbox feature serves it). */
	static final String STATUS_WEBHOOK_PATH = "/webhooks/messagebird/status";

	private static final Logger log = LoggerFactory.getLogger(SmsGatewayConfiguration.class);

	@Bean
	SmsGateway smsGateway(SmsProperties properties, @Value("${recruitflow.public-base-url}") String publicBaseUrl) {
		if (StringUtils.hasText(properties.accessKey())) {
			log.info("SMS go through MessageBird{}", StringUtils.hasText(properties.baseUrl())
					? " at " + properties.baseUrl() : "");
			return new MessageBirdGateway(properties, publicBaseUrl.replaceAll("/+$", "") + STATUS_WEBHOOK_PATH);
		}
		log.info("No MESSAGEBIRD_ACCESS_KEY: SMS are recorded in sandbox mode and not sent");
		return new SandboxGateway();
	}

}
