package io.recruitflow.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonBinarySubType;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.recruitflow.platform.EmbeddedServers.withDatabase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store writes documents as BSON ({@link BsonDataTypes}): every type a document can
 * hold comes back as it went in, ids of every kind still find their document, and a store written
 * before (Java-serialised documents) is rewritten on first open without losing a document — also
 * when a crash interrupted that rewrite.
 */
class BsonStorageTests {

	private static final String PEOPLE_MAP = "databases.test.people";

	@TempDir
	Path dataDir;

	@Test
	void everyKindOfValueAndIdComesBackAsStoredAfterAReopen() {
		String file = file();
		List<Document> stored = List.of(
				new Document("_id", new ObjectId()).append("text", "Grüße, 你好 👋").append("int", 42)
					.append("long", 1L << 40).append("double", 2.5).append("decimal", Decimal128.parse("12.345"))
					.append("yes", true).append("nothing", null).append("when", new Date(1_764_000_000_000L))
					.append("nested", new Document("a", List.of(1, "two", new Document("three", 3.0))))
					.append("bytes", new Binary(new byte[] { 1, 2, 3 })).append("uuid", new Binary(BsonBinarySubType.UUID_STANDARD, new byte[16]))
					.append("timestamp", new BsonTimestamp(1_764_000_000, 7)).append("min", new MinKey())
					.append("max", new MaxKey()).append("empty", new Document()).append("list", List.of()),
				new Document("_id", "a-string-id").append("n", 1), new Document("_id", 7).append("n", 2),
				new Document("_id", 8L).append("n", 3), new Document("_id", new Document("account", "acme").append("n", 1))
					.append("n", 4));
		withDatabase(() -> new DurableH2Backend(file), db -> db.getCollection("people").insertMany(copies(stored)));

		withDatabase(() -> new DurableH2Backend(file), db -> {
			var people = db.getCollection("people");
			for (Document document : stored) {
				assertThat(people.find(Filters.eq("_id", document.get("_id"))).first()).isEqualTo(document);
			}
			people.updateOne(Filters.eq("_id", 7), Updates.set("n", 20));
			assertThat(people.countDocuments()).isEqualTo(stored.size());
		});
		withDatabase(() -> new DurableH2Backend(file),
				db -> assertThat(db.getCollection("people").find(Filters.eq("_id", 7)).first().getInteger("n"))
					.isEqualTo(20));
	}

	@Test
	void droppingADatabaseLeavesTheOthersReadable() {
		String file = file();
		for (String name : List.of("recruitflow", "embedded", "rewrite", "other")) {
			EmbeddedServers.withClient(() -> new DurableH2Backend(file),
					client -> client.getDatabase(name).getCollection("kept").insertOne(new Document("db", name)));
		}

		EmbeddedServers.withClient(() -> new DurableH2Backend(file), client -> {
			client.getDatabase("recruitflow").drop();
			client.getDatabase("embedded").drop();
			client.getDatabase("rewrite").drop();
		});

		EmbeddedServers.withClient(() -> new DurableH2Backend(file), client -> {
			assertThat(client.getDatabase("other").getCollection("kept").find().first().getString("db")).isEqualTo("other");
			assertThat(client.getDatabase("recruitflow").getCollection("kept").countDocuments()).isZero();
		});
	}

	@Test
	void idsThatMongoDbOrdersAlikeButDifferStayDistinctDocuments() {
		String file = file();
		Document oneTwo = new Document("_id", new Document("a", List.of(1, 2))).append("n", 1);
		Document twoOne = new Document("_id", new Document("a", List.of(2, 1))).append("n", 2);
		withDatabase(() -> new DurableH2Backend(file), db -> db.getCollection("people").insertMany(copies(List.of(oneTwo, twoOne))));

		withDatabase(() -> new DurableH2Backend(file), db -> {
			assertThat(db.getCollection("people").countDocuments()).isEqualTo(2);
			assertThat(db.getCollection("people").find(Filters.eq("_id", twoOne.get("_id"))).first()).isEqualTo(twoOne);
		});
	}

	@Test
	void documentsOfSeveralMegabytesComeBackWhole() {
		String file = file();
		Document large = new Document("_id", "large").append("body", "x".repeat(3 << 20));
		Document small = new Document("_id", "small").append("body", "after the large one");
		withDatabase(() -> new DurableH2Backend(file), db -> db.getCollection("people").insertMany(copies(List.of(large, small))));

		withDatabase(() -> new DurableH2Backend(file), db -> assertThat(
				db.getCollection("people").find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
			.containsExactly(large, small));
	}

	@Test
	void aStoreWrittenBeforeIsRewrittenOnOpenAndKeepsEveryDocument() {
		String file = file();
		List<Document> written = writeOldStore(file, 300);

		withDatabase(() -> new DurableH2Backend(file), db -> {
			assertThat(db.getCollection("people").find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
				.isEqualTo(written);
			assertThat(db.getCollection("notes").countDocuments()).isEqualTo(30);
			db.getCollection("people").insertOne(new Document("_id", new ObjectId()).append("i", 300));
		});

		withDatabase(() -> new DurableH2Backend(file), db -> assertThat(db.getCollection("people").countDocuments())
			.isEqualTo(301));
		try (MVStore store = MVStore.open(file)) {
			assertThat(store.<String, String>openMap(DurableH2Backend.ENCODINGS_MAP).get(PEOPLE_MAP))
				.isEqualTo(DurableH2Backend.BSON);
			assertThat(store.getMapNames()).noneMatch(name -> name.startsWith(DurableH2Backend.REWRITE_PREFIX));
		}
	}

	@Test
	void aRewriteCutOffAfterTheOldMapWasRemovedIsFinishedOnTheNextStart() {
		String file = file();
		List<Document> written = writeOldStore(file, 200);
		rewriteStoppedAfter(file, 200, store -> {
			store.<String, String>openMap(DurableH2Backend.ENCODINGS_MAP).put(PEOPLE_MAP, DurableH2Backend.REWRITING);
			store.removeMap(PEOPLE_MAP);
		});

		assertPeopleAre(file, written);
	}

	@Test
	void aRewriteCutOffWhileCopyingStartsAgainFromTheOldMap() {
		String file = file();
		List<Document> written = writeOldStore(file, 200);
		rewriteStoppedAfter(file, 50, store -> {
		});

		assertPeopleAre(file, written);
	}

	/** The rewrite's copy of {@code copied} people made, then {@code andThen}, then a crash. */
	private static void rewriteStoppedAfter(String file, int copied, Consumer<MVStore> andThen) {
		try (MVStore store = MVStore.open(file)) {
			MVMap<Object, de.bwaldvogel.mongo.bson.Document> old = store.openMap(PEOPLE_MAP);
			MVMap<Object, de.bwaldvogel.mongo.bson.Document> copy = store
				.openMap(DurableH2Backend.REWRITE_PREFIX + PEOPLE_MAP, DurableH2Backend.bsonMap());
			old.entrySet().stream().limit(copied).forEach(entry -> copy.put(entry.getKey(), entry.getValue()));
			andThen.accept(store);
			store.commit();
		}
	}

	private static void assertPeopleAre(String file, List<Document> expected) {
		withDatabase(() -> new DurableH2Backend(file), db -> assertThat(
				db.getCollection("people").find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
			.isEqualTo(expected));
	}

	/** A store as the server's own H2 backend writes it: documents Java-serialised. */
	private static List<Document> writeOldStore(String file, int people) {
		List<Document> written = new ArrayList<>();
		for (int i = 0; i < people; i++) {
			written.add(new Document("_id", new ObjectId()).append("i", i).append("name", "Person " + i)
				.append("tags", List.of("a", "b")));
		}
		withDatabase(() -> new H2Backend(file), db -> {
			db.getCollection("people").insertMany(copies(written));
			for (int i = 0; i < 30; i++) {
				db.getCollection("notes").insertOne(new Document("text", "note " + i));
			}
		});
		return written;
	}

	private static List<Document> copies(List<Document> documents) {
		return documents.stream().map(Document::new).toList();
	}

	private String file() {
		return this.dataDir.resolve("store.mv").toString();
	}

}
