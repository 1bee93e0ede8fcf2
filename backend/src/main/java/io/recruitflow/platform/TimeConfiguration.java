package io.recruitflow.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One injectable clock, so that tests can move time instead of sleeping; and scheduling, for the
 * few sweeps that recover work a crash interrupted.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimeConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
