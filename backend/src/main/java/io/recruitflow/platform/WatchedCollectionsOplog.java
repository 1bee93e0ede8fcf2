package io.recruitflow.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * The embedded server's oplog, kept to what change streams are opened on and to the last moments.
 * The server records every write in its oplog, keeps it forever, and reads all of it on every poll
 * of every change stream — so each live-event poll cost more the longer the app had run (profiling
 * showed it as most of the app's CPU with a day's data). The app watches only {@code liveEvents}, and
 * each instance reads a change within milliseconds, so only those collections are recorded and
 * entries older than {@link #RETENTION} are dropped.
 */
final class WatchedCollectionsOplog implements Oplog {

	/** Far longer than a watching instance takes to read an event, short enough to keep polls cheap. */
	static final Duration RETENTION = Duration.ofSeconds(30);

	private static final Duration TRIM_INTERVAL = Duration.ofSeconds(1);

	private final Oplog recorded;

	private final MongoCollection<Document> entries;

	private final Set<String> watchedCollections;

	private final Clock clock;

	private volatile Instant nextTrim = Instant.MIN;

	WatchedCollectionsOplog(Oplog recorded, MongoCollection<Document> entries, Set<String> watchedCollections,
			Clock clock) {
		this.recorded = recorded;
		this.entries = entries;
		this.watchedCollections = watchedCollections;
		this.clock = clock;
		trimIfDue();
	}

	@Override
	public void handleInsert(String namespace, List<Document> documents) {
		if (watched(namespace)) {
			trimIfDue();
			this.recorded.handleInsert(namespace, documents);
		}
	}

	@Override
	public void handleUpdate(String namespace, Document selector, Document query, List<Object> modifiedIds) {
		if (watched(namespace)) {
			this.recorded.handleUpdate(namespace, selector, query, modifiedIds);
		}
	}

	@Override
	public void handleDelete(String namespace, Document query, List<Object> deletedIds) {
		if (watched(namespace)) {
			this.recorded.handleDelete(namespace, query, deletedIds);
		}
	}

	@Override
	public void handleDropCollection(String namespace) {
		if (watched(namespace)) {
			this.recorded.handleDropCollection(namespace);
		}
	}

	@Override
	public Cursor createCursor(Document changeStreamDocument, String namespace, Aggregation aggregation) {
		return this.recorded.createCursor(changeStreamDocument, namespace, aggregation);
	}

	private boolean watched(String namespace) {
		int dot = namespace.indexOf('.');
		return dot >= 0 && this.watchedCollections.contains(namespace.substring(dot + 1));
	}

	private void trimIfDue() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextTrim)) {
			return;
		}
		this.nextTrim = now.plus(TRIM_INTERVAL);
		this.entries.deleteDocuments(new Document("wall", new Document("$lt", now.minus(RETENTION))), 0,
				NoopOplog.get());
	}

}
