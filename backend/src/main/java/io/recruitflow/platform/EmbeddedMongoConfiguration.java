package io.recruitflow.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Without MONGODB_URI the app runs its own MongoDB-wire server (mongo-java-server, H2 files under
 * the data dir, oplog on so change streams work), so `make run` needs nothing installed. With
 * MONGODB_URI this configuration does nothing and Spring Boot connects to that server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMongoConfiguration.NoExternalMongo.class)
class EmbeddedMongoConfiguration {

	static final String DATABASE = "recruitflow";

	/**
	 * The server runs each command on its connection's event-loop thread, and a write then waits there
	 * for its commit; with the default (two per core) only a handful of writes could wait at once,
	 * so each commit covered one or two of them. More threads let one commit cover many.
	 */
	private static final int WORKER_THREADS = 32;

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

	/**
	 * @param port RECRUITFLOW_EMBEDDED_MONGO_PORT: fixed so that tools (mongosh, the benchmark's
	 * seeding) can reach the embedded database; 0, the default, picks a free one
	 */
	@Bean(destroyMethod = "shutdownNow")
	MongoServer embeddedMongoServer(RecruitFlowProperties properties,
			@org.springframework.beans.factory.annotation.Value("${recruitflow.embedded-mongo-port:0}") int port)
			throws IOException {
		Path dir = properties.dataDir().toAbsolutePath().normalize();
		Files.createDirectories(dir);
		Path file = dir.resolve("recruitflow.mv");
		MongoServer server = new MongoServer(new DurableH2Backend(file.toString()));
		server.enableOplog();
		server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
		log.info("Embedded MongoDB (mongo-java-server, H2) on {} with data in {}", server.getLocalAddress(), file);
		return server;
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server) {
		var address = server.getLocalAddress();
		var uri = new ConnectionString(
				"mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + DATABASE);
		return () -> uri;
	}

	static class NoExternalMongo implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("MONGODB_URI"));
		}

	}

}
