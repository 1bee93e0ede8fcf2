package io.recruitflow.demo;

import io.recruitflow.platform.RecruitFlowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Seeds the demo on first start (by default only on the embedded database) and tells the person
 * who ran {@code make run} where to go and how to sign in.
 */
@Component
class DemoDataStartup {

	private static final Logger log = LoggerFactory.getLogger(DemoDataStartup.class);

	private final DemoData demoData;

	private final boolean enabled;

	private final String port;

	DemoDataStartup(DemoData demoData, RecruitFlowProperties properties, @Value("${MONGODB_URI:}") String mongoUri,
			@Value("${local.server.port:${server.port:8080}}") String port) {
		this.demoData = demoData;
		this.enabled = properties.demoData() != null ? properties.demoData() : !StringUtils.hasText(mongoUri);
		this.port = port;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady(ApplicationReadyEvent event) {
		String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", this.port);
		if (!this.enabled) {
			log.info("RecruitFlow is running at http://localhost:{}", port);
			return;
		}
		boolean seeded = this.demoData.seedIfEmpty();
		log.info("""

				  RecruitFlow is running at http://localhost:{}
				  Demo data {}. Demo logins (demo only), password '{}':
				    {}
				""", port, seeded ? "seeded" : "already present", DemoData.DEMO_PASSWORD,
				String.join(", ", DemoData.LOGINS));
	}

}
