package io.recruitflow.platform;

import java.net.InetSocketAddress;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/** An embedded server on a free port for one piece of work, through the real driver. */
final class EmbeddedServers {

	private EmbeddedServers() {
	}

	static void withDatabase(Supplier<MongoBackend> backend, Consumer<MongoDatabase> work) {
		withClient(backend, client -> work.accept(client.getDatabase("test")));
	}

	static void withClient(Supplier<MongoBackend> backend, Consumer<MongoClient> work) {
		withClient(backend, false, work);
	}

	/** With the server's oplog on, as the app runs it: change streams work. */
	static void withOplogClient(Supplier<MongoBackend> backend, Consumer<MongoClient> work) {
		withClient(backend, true, work);
	}

	private static void withClient(Supplier<MongoBackend> backend, boolean oplog, Consumer<MongoClient> work) {
		MongoServer server = new MongoServer(backend.get());
		if (oplog) {
			server.enableOplog();
		}
		try {
			InetSocketAddress address = server.bind();
			try (MongoClient client = MongoClients
				.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
				work.accept(client);
			}
		}
		finally {
			server.shutdownNow();
		}
	}

}
