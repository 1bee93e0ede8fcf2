package io.recruitflow.platform;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import de.bwaldvogel.mongo.MongoBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server's oplog records only the collections the app watches, so a change stream on
 * liveEvents still hears every insert while other writes leave no entries behind.
 */
class WatchedCollectionsOplogTests {

	@TempDir
	Path dataDir;

	@Test
	void liveEventsReachAChangeStreamWhileOtherWritesAreNotRecorded() {
		EmbeddedServers.withOplogClient(store("oplog.mv", Clock.systemUTC()), client -> {
			MongoDatabase db = client.getDatabase("recruitflow");
			try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> stream = db.getCollection("liveEvents")
				.watch()
				.maxAwaitTime(100, TimeUnit.MILLISECONDS)
				.cursor()) {
				for (int i = 0; i < 50; i++) {
					db.getCollection("messages").insertOne(new Document("body", "message " + i));
				}
				db.getCollection("liveEvents").insertOne(new Document("kind", "INBOUND_MESSAGE").append("n", 1));
				db.getCollection("liveEvents").insertOne(new Document("kind", "INBOUND_MESSAGE").append("n", 2));

				assertThat(List.of(next(stream).getFullDocument().getInteger("n"),
						next(stream).getFullDocument().getInteger("n")))
					.containsExactly(1, 2);
			}
			long entries = client.getDatabase("local").getCollection("oplog.rs").countDocuments();
			long liveEventEntries = client.getDatabase("local")
				.getCollection("oplog.rs")
				.countDocuments(new Document("ns", "recruitflow.liveEvents"));
			assertThat(entries).isEqualTo(2).isEqualTo(liveEventEntries);
		});
	}

	@Test
	void entriesOlderThanTheRetentionAreDropped() {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
		EmbeddedServers.withOplogClient(store("trim.mv", clock), client -> {
			var liveEvents = client.getDatabase("recruitflow").getCollection("liveEvents");
			var oplog = client.getDatabase("local").getCollection("oplog.rs");
			liveEvents.insertOne(new Document("n", 1));
			liveEvents.insertOne(new Document("n", 2));
			clock.advance(WatchedCollectionsOplog.RETENTION.plusSeconds(5));
			liveEvents.insertOne(new Document("n", 3));

			assertThat(oplog.find().into(new java.util.ArrayList<>()))
				.extracting(entry -> entry.get("o", Document.class).getInteger("n"))
				.containsExactly(3);
		});
	}

	@Test
	void entriesEveryOpenStreamHasReadAreDroppedLongBeforeTheRetention() {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
		EmbeddedServers.withOplogClient(store("read.mv", clock), client -> {
			var liveEvents = client.getDatabase("recruitflow").getCollection("liveEvents");
			var oplog = client.getDatabase("local").getCollection("oplog.rs");
			try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> reader = liveEvents.watch()
				.maxAwaitTime(50, TimeUnit.MILLISECONDS)
				.cursor()) {
				liveEvents.insertOne(new Document("n", 1));
				assertThat(next(reader).getFullDocument().getInteger("n")).isEqualTo(1);
				MongoChangeStreamCursor<ChangeStreamDocument<Document>> lagging = liveEvents.watch()
					.maxAwaitTime(50, TimeUnit.MILLISECONDS)
					.cursor();
				liveEvents.insertOne(new Document("n", 2));
				assertThat(next(reader).getFullDocument().getInteger("n")).isEqualTo(2);

				// Both streams have polled, but the second has not read n = 2: everything stays.
				clock.advance(WatchedCollectionsOplog.READ_MARGIN.plusSeconds(3));
				assertThat(reader.tryNext()).isNull();
				clock.advance(Duration.ofSeconds(2));
				liveEvents.insertOne(new Document("n", 3));
				assertThat(numbers(oplog)).containsExactly(1, 2, 3);

				// Once it has read them too, what both have read goes, well inside the retention.
				assertThat(next(lagging).getFullDocument().getInteger("n")).isEqualTo(2);
				assertThat(next(lagging).getFullDocument().getInteger("n")).isEqualTo(3);
				assertThat(next(reader).getFullDocument().getInteger("n")).isEqualTo(3);
				clock.advance(WatchedCollectionsOplog.READ_MARGIN.plusSeconds(1));
				assertThat(reader.tryNext()).isNull();
				assertThat(lagging.tryNext()).isNull();
				// Trims run at most every so often, on a poll or a write.
				clock.advance(Duration.ofSeconds(1));
				liveEvents.insertOne(new Document("n", 4));
				assertThat(numbers(oplog)).containsExactly(4);
				assertThat(next(reader).getFullDocument().getInteger("n")).isEqualTo(4);
				assertThat(next(lagging).getFullDocument().getInteger("n")).isEqualTo(4);
				lagging.close();
			}
		});
	}

	/**
	 * Each instance's stream filters out the events it published itself, and a stream's position
	 * moves only with what it returns: before, a lone instance's polls converted every entry kept,
	 * again and again, and in a quiet spell after a burst nothing dropped them.
	 */
	@Test
	void entriesAStreamFilteredOutAreDroppedOnceReadWithoutAnotherWrite() {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-29T22:00:00Z"));
		EmbeddedServers.withOplogClient(store("own.mv", clock), client -> {
			var liveEvents = client.getDatabase("recruitflow").getCollection("liveEvents");
			var oplog = client.getDatabase("local").getCollection("oplog.rs");
			try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> stream = liveEvents
				.watch(List.of(Aggregates.match(Filters.ne("fullDocument.origin", "this instance"))))
				.maxAwaitTime(50, TimeUnit.MILLISECONDS)
				.cursor()) {
				for (int n = 1; n <= 3; n++) {
					liveEvents.insertOne(new Document("n", n).append("origin", "this instance"));
				}
				assertThat(stream.tryNext()).isNull();
				assertThat(numbers(oplog)).containsExactly(1, 2, 3);

				clock.advance(WatchedCollectionsOplog.READ_MARGIN.plusSeconds(1));
				assertThat(stream.tryNext()).isNull();
				assertThat(oplog.countDocuments()).isZero();

				liveEvents.insertOne(new Document("n", 4).append("origin", "another instance"));
				assertThat(next(stream).getFullDocument().getInteger("n")).isEqualTo(4);
			}
		});
	}

	private Supplier<MongoBackend> store(String file, Clock clock) {
		return () -> new DurableH2Backend(this.dataDir.resolve(file).toString(), clock);
	}

	private static List<Integer> numbers(com.mongodb.client.MongoCollection<Document> oplog) {
		return oplog.find().sort(new Document("ts", 1)).into(new java.util.ArrayList<>())
			.stream()
			.map(entry -> entry.get("o", Document.class).getInteger("n"))
			.toList();
	}

	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

	private static ChangeStreamDocument<Document> next(MongoChangeStreamCursor<ChangeStreamDocument<Document>> stream) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			ChangeStreamDocument<Document> change = stream.tryNext();
			if (change != null) {
				return change;
			}
			LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
		}
		throw new AssertionError("no change arrived within 10 s");
	}

}
