package io.recruitflow.support;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The one place that decides which MongoDB the tests use: {@code MONGODB_URI} when set, else a
 * Testcontainers {@code mongo:7} replica set when Docker is available, else the embedded
 * mongo-java-server (in memory, oplog on). Started once per JVM; the log says which.
 */
public final class TestMongo {

	private static final Logger log = LoggerFactory.getLogger(TestMongo.class);

	private static String uri;

	private TestMongo() {
	}

	public static synchronized String uri() {
		if (uri == null) {
			uri = start();
		}
		return uri;
	}

	private static String start() {
		String external = System.getenv("MONGODB_URI");
		if (external != null && !external.isBlank()) {
			log.info("Tests use MongoDB from MONGODB_URI");
			return external;
		}
		if (dockerAvailable()) {
			MongoDBContainer container = new MongoDBContainer("mongo:7");
			container.start();
			log.info("Tests use MongoDB in a Testcontainers mongo:7 replica set");
			return container.getReplicaSetUrl("recruitflow");
		}
		MongoServer server = new MongoServer(new MemoryBackend());
		server.enableOplog();
		server.bind("127.0.0.1", 0);
		InetSocketAddress address = server.getLocalAddress();
		log.info("Tests use the embedded mongo-java-server on {} (no MONGODB_URI, no Docker)", address);
		return "mongodb://127.0.0.1:" + address.getPort() + "/recruitflow";
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			log.info("Docker is not available to Testcontainers: {}", ex.getMessage());
			return false;
		}
	}

}
