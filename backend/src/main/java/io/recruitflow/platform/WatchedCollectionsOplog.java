package io.recruitflow.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.oplog.OplogCursor;

/**
 * The embedded server's oplog, kept to what change streams are opened on and to the last moments.
 * The server records every write in its oplog, keeps it forever, and reads all of it on every poll
 * of every change stream — so each live-event poll cost more the longer the app had run (profiling
 * showed it as most of the app's CPU with a day's data). The app watches only {@code liveEvents}, and
 * each instance reads a change within milliseconds, so only those collections are recorded and
 * entries older than {@link #RETENTION} are dropped.
 *
 * <p>Every poll still reads and sorts all the entries kept, and converts and filters every one its
 * stream has not returned yet. A stream's position moves only with what it returns, and each
 * instance's stream filters out the events it published itself: with a single instance nothing is
 * ever returned, so each poll converted every entry kept (a tenth of the app's CPU in the live-inbox
 * benchmark, and the same again in quiet times after a burst, when nothing triggered a trim). So
 * entries every open change stream has read — returned or filtered out — are dropped
 * {@link #READ_MARGIN} after the slowest stream last read everything, checked on polls as well as on
 * writes. A poll begins only once every append already begun is complete, so what it reads includes
 * every entry stamped before it began. A stream that stops polling stops holding entries back after
 * {@link #RETENTION}.
 */
final class WatchedCollectionsOplog implements Oplog {

	/** Far longer than a watching instance takes to read an event, short enough to keep polls cheap. */
	static final Duration RETENTION = Duration.ofSeconds(30);

	/**
	 * How long entries stay after every change stream has read past them. Appends and polls are
	 * ordered ({@link #appending}), so this only covers the wall clock being set back a little.
	 */
	static final Duration READ_MARGIN = Duration.ofMillis(200);

	private static final Duration TRIM_INTERVAL = Duration.ofMillis(100);

	/** Before a stream's first poll that reads everything, it holds back all entries. */
	private static final Instant NOT_CAUGHT_UP = Instant.EPOCH;

	/** When each open change stream last read everything there was, and when it last polled at all. */
	private record Progress(Instant caughtUpAt, Instant polledAt) {
	}

	private final Map<Long, Progress> readers = new ConcurrentHashMap<>();

	private final CursorRegistry cursors;

	private final Oplog recorded;

	private final MongoCollection<Document> entries;

	private final Set<String> watchedCollections;

	private final Clock clock;

	private volatile Instant nextTrim = Instant.MIN;

	/**
	 * Held (shared) while entries are stamped and appended; a poll takes it exclusively for the
	 * moment it notes its start, so no entry stamped before that start is still on its way in.
	 */
	private final ReadWriteLock appending = new ReentrantReadWriteLock();

	WatchedCollectionsOplog(Oplog recorded, MongoCollection<Document> entries, Set<String> watchedCollections,
			CursorRegistry cursors, Clock clock) {
		this.recorded = recorded;
		this.cursors = cursors;
		this.entries = entries;
		this.watchedCollections = watchedCollections;
		this.clock = clock;
		trimIfDue();
	}

	@Override
	public void handleInsert(String namespace, List<Document> documents) {
		if (watched(namespace)) {
			trimIfDue();
			appended(() -> this.recorded.handleInsert(namespace, documents));
		}
	}

	@Override
	public void handleUpdate(String namespace, Document selector, Document query, List<Object> modifiedIds) {
		if (watched(namespace)) {
			appended(() -> this.recorded.handleUpdate(namespace, selector, query, modifiedIds));
		}
	}

	@Override
	public void handleDelete(String namespace, Document query, List<Object> deletedIds) {
		if (watched(namespace)) {
			appended(() -> this.recorded.handleDelete(namespace, query, deletedIds));
		}
	}

	@Override
	public void handleDropCollection(String namespace) {
		if (watched(namespace)) {
			appended(() -> this.recorded.handleDropCollection(namespace));
		}
	}

	/** The server's cursor, registered in its place wrapped so that its reading is followed. */
	@Override
	public Cursor createCursor(Document changeStreamDocument, String namespace, Aggregation aggregation) {
		Cursor cursor = this.recorded.createCursor(changeStreamDocument, namespace, aggregation);
		if (!(cursor instanceof OplogCursor)) {
			return cursor;
		}
		Cursor followed = new FollowedCursor(cursor);
		this.readers.put(cursor.getId(), new Progress(NOT_CAUGHT_UP, this.clock.instant()));
		this.cursors.remove(cursor.getId());
		this.cursors.add(followed);
		return followed;
	}

	private final class FollowedCursor implements Cursor {

		private final Cursor cursor;

		FollowedCursor(Cursor cursor) {
			this.cursor = cursor;
		}

		@Override
		public long getId() {
			return this.cursor.getId();
		}

		@Override
		public boolean isEmpty() {
			return this.cursor.isEmpty();
		}

		@Override
		public List<Document> takeDocuments(int numberToReturn) {
			Instant started = pollStart();
			List<Document> taken = this.cursor.takeDocuments(numberToReturn);
			boolean readEverything = numberToReturn <= 0 || taken.size() < numberToReturn;
			WatchedCollectionsOplog.this.readers.compute(getId(), (id, before) -> new Progress(
					readEverything ? started : before == null ? NOT_CAUGHT_UP : before.caughtUpAt(), started));
			trimIfDue();
			return taken;
		}

	}

	private void appended(Runnable append) {
		Lock shared = this.appending.readLock();
		shared.lock();
		try {
			append.run();
		}
		finally {
			shared.unlock();
		}
	}

	/** Now, once every entry stamped before now is in the collection. */
	private Instant pollStart() {
		Lock exclusive = this.appending.writeLock();
		exclusive.lock();
		try {
			return this.clock.instant();
		}
		finally {
			exclusive.unlock();
		}
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
		Instant expired = now.minus(RETENTION);
		this.readers.values().removeIf(progress -> progress.polledAt().isBefore(expired));
		Instant keepFrom = expired;
		Instant slowest = this.readers.values().stream().map(Progress::caughtUpAt).min(Comparator.naturalOrder())
			.orElse(NOT_CAUGHT_UP);
		if (slowest.minus(READ_MARGIN).isAfter(keepFrom)) {
			keepFrom = slowest.minus(READ_MARGIN);
		}
		this.entries.deleteDocuments(new Document("wall", new Document("$lt", keepFrom)), 0, NoopOplog.get());
	}

}
