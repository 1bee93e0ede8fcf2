package io.recruitflow.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.recruitflow.platform.EmbeddedServers.withDatabase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server acknowledges a write only once a commit has put it in the file: writers on
 * many connections share commits, and none of them is answered before a commit covers its write.
 * Left to itself, H2 would commit about a second later, and a killed process would lose that
 * second.
 */
class GroupCommitTests {

	private static final int WRITERS = 16;

	private static final int WRITES_EACH = 40;

	@TempDir
	Path dataDir;

	@Test
	void everyWriteAcknowledgedToConcurrentWritersIsInTheFileWhileTheStoreIsStillOpen() throws Exception {
		Path file = this.dataDir.resolve("live.mv");
		Path leftBehind = this.dataDir.resolve("left-behind.mv");
		withDatabase(() -> new DurableH2Backend(file.toString()), db -> {
			MongoCollection<Document> people = db.getCollection("people");
			people.insertOne(new Document("_id", -1));
			ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
			try {
				List<Future<?>> done = new ArrayList<>();
				for (int w = 0; w < WRITERS; w++) {
					int writer = w;
					done.add(writers.submit(() -> {
						for (int i = 0; i < WRITES_EACH; i++) {
							people.insertOne(new Document("_id", writer * 1000 + i));
						}
					}));
				}
				for (Future<?> writer : done) {
					writer.get(60, TimeUnit.SECONDS);
				}
				// What a process killed at this moment leaves on disk: the store is neither closed nor
				// committed again by anything but the writes themselves.
				Files.copy(file, leftBehind);
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
			finally {
				writers.shutdownNow();
			}
		});

		withDatabase(() -> new DurableH2Backend(leftBehind.toString()),
				db -> assertThat(db.getCollection("people").countDocuments()).isEqualTo(1 + WRITERS * WRITES_EACH));
	}

}
