package io.recruitflow.platform;

import org.bson.Document;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Replaces Spring Boot's MongoDB health check, which sends {@code hello} — a command the embedded
 * server does not know. {@code ping} works on both the embedded server and a real MongoDB.
 */
@Configuration(proxyBeanMethods = false)
class MongoHealthConfiguration {

	@Bean("mongoHealthContributor")
	HealthIndicator mongoHealthContributor(MongoTemplate mongo) {
		return () -> {
			try {
				mongo.executeCommand(new Document("ping", 1));
				return Health.up().withDetail("database", mongo.getDb().getName()).build();
			}
			catch (RuntimeException ex) {
				return Health.down().withDetail("error", ex.getClass().getSimpleName()).build();
			}
		};
	}

}
