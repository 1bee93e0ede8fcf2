package io.recruitflow.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's H2 store, committed after every write. H2's MVStore otherwise commits in
 * the background about once a second, so a killed process would lose the last second of writes
 * it had already acknowledged — an acknowledged trigger event gone, or a "sent" mark undone and
 * the SMS sent again. A commit writes to the file (the operating system keeps it across a killed
 * process); it does not force it to disk, so a power cut can still lose the last moments, which
 * is why production runs on a real MongoDB replica set.
 *
 * <p>Its collections also use their indexes ({@link IndexedH2Collection}): without that, every
 * query that is not exactly an index's fields reads the whole collection. And its oplog keeps only
 * what change streams watch ({@link WatchedCollectionsOplog}).
 */
final class DurableH2Backend extends H2Backend {

	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
			"dropindexes", "drop", "dropdatabase", "create", "renamecollection");

	/**
	 * Collections whose last writes may be lost with the process: live events only reach browsers
	 * that are connected, and those reconnect and refetch after a restart anyway. Their writes ride
	 * on the next commit instead of waiting for their own.
	 */
	private static final Set<String> EPHEMERAL = Set.of("liveEvents");

	/** Writes completed so far. */
	private final AtomicLong completedWrites = new AtomicLong();

	/**
	 * Guards {@link #committing} and {@link #committedWrites}; held only to read or change them,
	 * never across a commit. Holding a lock across the commit (a file write) had the server's
	 * worker threads spinning on it for a fifth of their CPU, and a parking lock handed on from one
	 * waiter to the next woke them one after another only to find their writes already committed.
	 */
	private final Object commitState = new Object();

	/** Whether a writer is committing now; at most one does. */
	private boolean committing;

	/** countDocuments answered through the planner (see IndexedH2Database), for tests to see it happen. */
	private final AtomicLong plannedCounts = new AtomicLong();

	/** How many completed writes the last finished commit covered. */
	private volatile long committedWrites;

	DurableH2Backend(String fileName) {
		super(fileName);
	}

	DurableH2Backend(String fileName, java.time.Clock clock) {
		super(fileName, clock);
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		Document result = super.handleCommand(channel, databaseName, command, query);
		if (WRITES.contains(command.toLowerCase(Locale.ROOT)) && !EPHEMERAL.contains(String.valueOf(query.get(command)))) {
			commitThrough(this.completedWrites.incrementAndGet());
		}
		return result;
	}

	/**
	 * Group commit: the first writer to find no commit running commits every write completed so
	 * far; writers arriving meanwhile wait (parked) and are all woken when it finishes. Most then
	 * find their write covered; the rest elect the next committer.
	 */
	private void commitThrough(long write) {
		if (this.committedWrites >= write || !awaitCommitOrTurn(write)) {
			return;
		}
		long covered = this.completedWrites.get();
		boolean committed = false;
		try {
			commit();
			committed = true;
		}
		finally {
			synchronized (this.commitState) {
				if (committed) {
					this.committedWrites = covered;
				}
				this.committing = false;
				this.commitState.notifyAll();
			}
		}
	}

	/**
	 * Waits until a commit covers {@code write} (false) or no commit is running, and then this
	 * writer commits (true). The write is already applied, so an interrupt does not cut the wait
	 * short — answering before the commit would acknowledge a write a kill could still lose — it is
	 * kept for the caller.
	 */
	private boolean awaitCommitOrTurn(long write) {
		boolean interrupted = false;
		try {
			synchronized (this.commitState) {
				while (this.committedWrites < write) {
					if (!this.committing) {
						this.committing = true;
						return true;
					}
					try {
						this.commitState.wait();
					}
					catch (InterruptedException ex) {
						interrupted = true;
					}
				}
				return false;
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Which data maps are written as BSON (value {@link #BSON}), or are being rewritten as BSON.
	 * No dot in the name: dropping a database removes every map named after it with one.
	 */
	static final String ENCODINGS_MAP = "embedded-encodings";

	static final String BSON = "bson";

	static final String REWRITING = "rewriting";

	static final String REWRITE_PREFIX = "rewrite:";

	/**
	 * A collection's documents as BSON ({@link BsonDataTypes}). A store written before (documents
	 * Java-serialised by H2's default type) has each collection rewritten the first time it is
	 * opened. The steps are ordered so that a crash between any two leaves either the old map or a
	 * complete copy that the next start finishes moving into place — never a map read with the
	 * wrong type, never a collection that looks empty.
	 */
	static MVMap<Object, Document> openBsonDataMap(MVStore store, String name) {
		MVMap<String, String> encodings = store.openMap(ENCODINGS_MAP);
		String state = encodings.get(name);
		if (BSON.equals(state) || (state == null && !store.hasMap(name))) {
			encodings.putIfAbsent(name, BSON);
			return store.openMap(name, bsonMap());
		}
		// A background commit in the middle of a map's rename could store both names for one map,
		// and the next start would then remove the rewritten data: none while rewriting.
		int autoCommitDelay = store.getAutoCommitDelay();
		store.setAutoCommitDelay(0);
		try {
			return rewrite(store, encodings, name, state);
		}
		finally {
			store.setAutoCommitDelay(autoCommitDelay);
		}
	}

	private static MVMap<Object, Document> rewrite(MVStore store, MVMap<String, String> encodings, String name,
			String state) {
		String copyName = REWRITE_PREFIX + name;
		if (state == null) {
			if (store.hasMap(copyName)) {
				store.removeMap(copyName);
			}
			MVMap<Object, Document> old = store.openMap(name);
			MVMap<Object, Document> copy = store.openMap(copyName, bsonMap());
			old.forEach(copy::put);
			encodings.put(name, REWRITING);
			store.commit();
			state = REWRITING;
		}
		if (REWRITING.equals(state)) {
			if (store.hasMap(copyName)) {
				if (store.hasMap(name)) {
					store.removeMap(name);
				}
				store.renameMap(store.openMap(copyName, bsonMap()), name);
			}
			encodings.put(name, BSON);
			store.commit();
		}
		return store.openMap(name, bsonMap());
	}

	static MVMap.Builder<Object, Document> bsonMap() {
		return new MVMap.Builder<Object, Document>().keyType(BsonDataTypes.IdType.INSTANCE)
			.valueType(BsonDataTypes.DocumentType.INSTANCE);
	}

	long plannedCounts() {
		return this.plannedCounts.get();
	}

	/** Change streams on the embedded server: the app watches only this collection (see LiveEvents). */
	static final Set<String> WATCHED_COLLECTIONS = Set.of("liveEvents");

	@SuppressWarnings("unchecked")
	@Override
	protected Oplog createOplog() {
		Oplog everything = super.createOplog();
		MongoCollection<Document> entries = (MongoCollection<Document>) resolveDatabase("local")
			.resolveCollection(OPLOG_COLLECTION_NAME, true);
		return new WatchedCollectionsOplog(everything, entries, WATCHED_COLLECTIONS, getCursorRegistry(), getClock());
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new IndexedH2Database(databaseName);
	}

	/**
	 * H2's database with {@link IndexedH2Collection}s and in-memory indexes ({@link EmbeddedHashIndex},
	 * {@link EmbeddedUniqueIndex}). An inner class
	 * because H2Database opens its collections from its own constructor, before a subclass could
	 * have stored the MVStore; the enclosing backend already holds it.
	 */
	private final class IndexedH2Database extends H2Database {

		/** Map names as H2Database lays them out, so a store written before this class opens unchanged. */
		private static final String DATA_PREFIX = "databases.";

		private static final String META_PREFIX = "meta.";

		/** The group stage of the driver's countDocuments. */
		private static final Document COUNT_GROUP = new Document("$group",
				new Document("_id", 1).append("n", new Document("$sum", 1)));

		IndexedH2Database(String databaseName) {
			super(databaseName, getMvStore(), getCursorRegistry());
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			String fullName = getFullCollectionNamespace(collectionName);
			return new IndexedH2Collection(this, collectionName, options, openBsonDataMap(getMvStore(), DATA_PREFIX + fullName),
					getMvStore().openMap(META_PREFIX + fullName), getCursorRegistry());
		}

		/**
		 * countDocuments, answered through the collection's planner. The driver sends it as an
		 * aggregation ({@code $match}, optional {@code $skip}/{@code $limit}, {@code $group} counting),
		 * and the server runs every aggregation over the whole collection, so a duplicate check by a
		 * unique field read every stored message. Other aggregations run as before.
		 */
		@Override
		public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
				Oplog oplog) {
			if (command.equalsIgnoreCase("aggregate") && query.get(command) instanceof String collectionName) {
				Optional<Document> counted = countDocuments(collectionName, query.get("pipeline"));
				if (counted.isPresent()) {
					return counted.get();
				}
			}
			return super.handleCommand(channel, command, query, databaseResolver, oplog);
		}

		private Optional<Document> countDocuments(String collectionName, Object pipeline) {
			if (!(pipeline instanceof List<?> stages) || stages.size() < 2 || stages.size() > 4
					|| !(stages.getFirst() instanceof Document match) || match.size() != 1
					|| !(match.get("$match") instanceof Document filter)
					|| !(stages.getLast() instanceof Document group) || !COUNT_GROUP.equals(group)) {
				return Optional.empty();
			}
			int skip = 0;
			int limit = 0;
			for (Object stage : stages.subList(1, stages.size() - 1)) {
				if (stage instanceof Document step && step.size() == 1 && step.get("$skip") instanceof Number n) {
					skip = n.intValue();
				}
				else if (stage instanceof Document step && step.size() == 1 && step.get("$limit") instanceof Number n) {
					limit = n.intValue();
				}
				else {
					return Optional.empty();
				}
			}
			MongoCollection<Object> collection = resolveCollection(collectionName, false);
			if (!(collection instanceof IndexedH2Collection)) {
				return Optional.empty();
			}
			int count = collection.count(filter, skip, limit);
			DurableH2Backend.this.plannedCounts.incrementAndGet();
			List<Document> batch = count == 0 ? List.of() : List.of(new Document("_id", 1).append("n", count));
			Document cursor = new Document("id", 0L).append("ns", getFullCollectionNamespace(collectionName))
				.append("firstBatch", batch);
			return Optional.of(new Document("cursor", cursor).append("ok", 1.0));
		}

		@Override
		protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			return new EmbeddedHashIndex(indexName, keys, sparse);
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			return new EmbeddedUniqueIndex(indexName, keys, sparse);
		}

	}

}
