package io.recruitflow.platform;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server's index use ({@link IndexedH2Collection}) must never change an answer: the
 * same documents live in an indexed collection and in one without indexes, whose answers come from
 * the server's full scan, and every query, after every kind of write and after reopening the store,
 * must return the same documents in the same order from both. (Every sort ends with _id: MongoDB
 * leaves the order of ties open, and so does the embedded server once it reads through an index.)
 */
class EmbeddedIndexesTests {

	private static final List<String> ACCOUNTS = List.of("acme", "globex", "initech");

	private Random random = new Random(20261128);

	@TempDir
	Path dataDir;

	@ParameterizedTest
	@ValueSource(longs = { 20261128, 7, 424242, 99 })
	void indexedQueriesAnswerExactlyAsAFullScanThroughWritesAndAReopen(long seed) {
		this.random = new Random(seed);
		String file = this.dataDir.resolve("store.mv").toString();
		List<ObjectId> ids = new ArrayList<>();
		withDatabase(file, db -> {
			MongoCollection<Document> indexed = db.getCollection("indexed");
			indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("accountId"), Indexes.ascending("conversationId"),
					Indexes.descending("createdAt")));
			indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.ascending("dueAt")));
			indexed.createIndex(Indexes.ascending("tags"));
			indexed.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true).sparse(true));
			indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("accountId"), Indexes.descending("_id")));
			MongoCollection<Document> plain = db.getCollection("plain");
			for (int i = 0; i < 600; i++) {
				Document document = randomDocument(i);
				ids.add(document.getObjectId("_id"));
				indexed.insertOne(document);
				plain.insertOne(new Document(document));
			}
			assertSameAnswers(db, ids);
			for (int i = 0; i < 150; i++) {
				ObjectId id = ids.get(this.random.nextInt(ids.size()));
				Bson change = switch (i % 4) {
					case 0 -> Updates.set("conversationId", "c" + this.random.nextInt(12));
					case 1 -> Updates.set("state", pick("PENDING", "LEASED", "SENT"));
					case 2 -> Updates.unset("accountId");
					default -> Updates.set("tags", List.of(pick("a", "b"), pick("c", "d")));
				};
				indexed.updateOne(Filters.eq("_id", id), change);
				plain.updateOne(Filters.eq("_id", id), change);
			}
			Bson sent = Filters.and(Filters.eq("accountId", "globex"), Filters.eq("state", "SENT"));
			indexed.updateMany(sent, Updates.set("state", "ARCHIVED"));
			plain.updateMany(sent, Updates.set("state", "ARCHIVED"));
			Bson gone = Filters.and(Filters.eq("accountId", "initech"), Filters.eq("conversationId", "c3"));
			indexed.deleteMany(gone);
			plain.deleteMany(gone);
			assertSameAnswers(db, ids);
		});
		withDatabase(file, db -> assertSameAnswers(db, ids));
	}

	@Test
	void uniqueIndexesStillRejectDuplicatesAfterTheStoreReopens() {
		String file = this.dataDir.resolve("unique.mv").toString();
		ObjectId first = new ObjectId();
		withDatabase(file, db -> {
			MongoCollection<Document> messages = db.getCollection("messages");
			messages.createIndex(Indexes.compoundIndex(Indexes.ascending("accountId"), Indexes.ascending("externalId")),
					new IndexOptions().unique(true));
			messages.createIndex(Indexes.ascending("providerId"), new IndexOptions().unique(true).sparse(true));
			messages.insertOne(new Document("_id", first).append("accountId", "acme").append("externalId", "e1")
				.append("providerId", "p1"));
			messages.insertOne(new Document("accountId", "acme").append("externalId", "e2"));
			messages.insertOne(new Document("accountId", "acme").append("externalId", "e3"));
		});
		withDatabase(file, db -> {
			MongoCollection<Document> messages = db.getCollection("messages");
			assertThat(duplicateKeyError(() -> messages.insertOne(new Document("_id", first).append("externalId", "e9"))))
				.contains("_id_");
			assertThat(duplicateKeyError(() -> messages.insertOne(new Document("accountId", "acme").append("externalId", "e2"))))
				.contains("accountId_1_externalId_1");
			assertThat(duplicateKeyError(() -> messages.insertOne(new Document("accountId", "globex").append("externalId", "e4")
				.append("providerId", "p1")))).contains("providerId_1");
			assertThat(duplicateKeyError(() -> messages.updateOne(Filters.eq("externalId", "e3"), Updates.set("externalId", "e2"))))
				.contains("accountId_1_externalId_1");
			// What the rejected writes tried changed nothing; freed and unrelated keys are still accepted.
			assertThat(messages.countDocuments()).isEqualTo(3);
			messages.deleteOne(Filters.eq("_id", first));
			messages.insertOne(new Document("_id", first).append("accountId", "acme").append("externalId", "e1")
				.append("providerId", "p1"));
			messages.insertOne(new Document("accountId", "globex").append("externalId", "e2"));
			assertThat(messages.find(Filters.eq("providerId", "p1")).first()).containsEntry("_id", first);
			assertThat(messages.countDocuments()).isEqualTo(4);
			// A one-field index answers $in and regular expressions from the keys it holds.
			messages.insertOne(new Document("accountId", "globex").append("externalId", "e5").append("providerId", "q7"));
			assertThat(messages.find(Filters.in("providerId", "p1", "q7", "zz")).map(d -> d.getString("externalId"))
				.into(new ArrayList<>())).containsExactlyInAnyOrder("e1", "e5");
			assertThat(messages.find(Filters.regex("providerId", "^q")).map(d -> d.getString("externalId"))
				.into(new ArrayList<>())).containsExactly("e5");
			assertThat(messages.find(Filters.in("_id", first, new ObjectId())).map(d -> d.getString("externalId"))
				.into(new ArrayList<>())).containsExactly("e1");
			// Without sparse, a missing value is a key too: one document may lack it, not two.
			MongoCollection<Document> codes = db.getCollection("codes");
			codes.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
			codes.insertOne(new Document("code", "A"));
			codes.insertOne(new Document("name", "no code"));
			assertThat(duplicateKeyError(() -> codes.insertOne(new Document("name", "no code either")))).contains("code_1");
			assertThat(codes.find(Filters.eq("code", null)).map(d -> d.getString("name")).into(new ArrayList<>()))
				.containsExactly("no code");
		});
	}

	private static String duplicateKeyError(Runnable write) {
		try {
			write.run();
		}
		catch (MongoWriteException ex) {
			assertThat(ex.getError().getCode()).isEqualTo(11000);
			return ex.getMessage();
		}
		throw new AssertionError("the duplicate was accepted");
	}

	@Test
	void theIndexesOfferFewDocumentsWhereTheServerAloneWouldReadThemAll() {
		DurableH2Backend backend = new DurableH2Backend(this.dataDir.resolve("plan.mv").toString());
		MongoServer server = new MongoServer(backend);
		try {
			InetSocketAddress address = server.bind();
			List<Document> documents = new ArrayList<>();
			try (MongoClient client = MongoClients
				.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
				MongoCollection<Document> messages = client.getDatabase("test").getCollection("messages");
				messages.createIndex(Indexes.compoundIndex(Indexes.ascending("conversationId"), Indexes.descending("createdAt")));
				messages.createIndex(Indexes.compoundIndex(Indexes.ascending("conversationId"), Indexes.descending("_id")));
				for (int i = 0; i < 500; i++) {
					documents.add(randomDocument(i));
				}
				messages.insertMany(documents);
			}
			IndexedH2Collection messages = (IndexedH2Collection) backend.resolveDatabase("test")
				.resolveCollection("messages", true);
			Document wanted = documents.get(77);
			long inConversation = documents.stream().filter(d -> d.get("conversationId").equals("c5")).count();

			var wantedId = new de.bwaldvogel.mongo.bson.ObjectId(wanted.getObjectId("_id").toHexString());
			assertThat(messages.candidates(query("_id", wantedId, "accountId", wanted.get("accountId"))))
				.containsExactly(wantedId);
			assertThat(messages.candidates(query("conversationId", "c5", "accountId", "acme"))).hasSize((int) inConversation);
			assertThat(inConversation).isLessThan(documents.size() / 5);
			assertThat(messages.candidates(query("accountId", "acme"))).isNull();

			List<Object> newestFirst = documents.stream()
				.filter(d -> d.get("conversationId").equals("c5"))
				.sorted(java.util.Comparator.comparing((Document d) -> d.get("createdAt", Instant.class))
					.thenComparing(d -> d.getObjectId("_id"))
					.reversed())
				.map(d -> (Object) new de.bwaldvogel.mongo.bson.ObjectId(d.getObjectId("_id").toHexString()))
				.toList();
			assertThat(messages.inIndexOrder(query("conversationId", "c5", "accountId", "acme"),
					query("createdAt", -1, "_id", -1)))
				.containsExactlyElementsOf(newestFirst);
			assertThat(messages.inIndexOrder(query("accountId", "acme"), query("createdAt", -1))).isNull();
			List<Object> newestIdFirst = documents.stream()
				.filter(d -> d.get("conversationId").equals("c5"))
				.map(d -> d.getObjectId("_id"))
				.sorted(java.util.Comparator.reverseOrder())
				.map(id -> (Object) new de.bwaldvogel.mongo.bson.ObjectId(id.toHexString()))
				.toList();
			assertThat(messages.inIndexOrder(query("conversationId", "c5", "accountId", "acme"), query("_id", -1)))
				.containsExactlyElementsOf(newestIdFirst);

			long plannedBefore = backend.plannedCounts();
			try (MongoClient client = MongoClients
				.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
				assertThat(client.getDatabase("test").getCollection("messages")
					.countDocuments(Filters.and(Filters.eq("conversationId", "c5"), Filters.eq("accountId", "acme"))))
					.isEqualTo(documents.stream()
						.filter(d -> d.get("conversationId").equals("c5") && d.get("accountId").equals("acme"))
						.count());
			}
			assertThat(backend.plannedCounts()).isEqualTo(plannedBefore + 1);
			assertThat(messages.inIndexOrder(query("conversationId", "c5"), query("createdAt", -1, "body", 1))).isNull();
		}
		finally {
			server.shutdownNow();
		}
	}

	@Test
	void anIndexEndingInIdReadsAPageInOrderLikeOneWithout() {
		DurableH2Backend backend = new DurableH2Backend(this.dataDir.resolve("tiebreak.mv").toString());
		EmbeddedServers.withDatabase(() -> backend, db -> {
			MongoCollection<Document> conversations = db.getCollection("conversations");
			conversations.createIndex(Indexes.compoundIndex(Indexes.ascending("accountId"),
					Indexes.descending("lastMessageAt"), Indexes.descending("_id")));
			conversations.createIndex(Indexes.compoundIndex(Indexes.ascending("assignedUserId"),
					Indexes.descending("lastMessageAt"), Indexes.ascending("_id")));
			Instant start = Instant.parse("2026-11-01T00:00:00Z");
			List<Document> documents = new ArrayList<>();
			for (int i = 0; i < 300; i++) {
				// Ten conversations share each moment: the _id decides their order.
				documents.add(new Document("_id", new ObjectId()).append("accountId", "account-" + i % 3)
					.append("assignedUserId", "user-" + i % 2)
					.append("lastMessageAt", start.plusSeconds(i / 10)));
			}
			Collections.shuffle(documents, new Random(7));
			conversations.insertMany(documents);

			List<ObjectId> newestFirst = documents.stream()
				.filter(d -> d.get("accountId").equals("account-1"))
				.sorted(java.util.Comparator.comparing((Document d) -> d.get("lastMessageAt", Instant.class))
					.thenComparing(d -> d.getObjectId("_id"))
					.reversed())
				.map(d -> d.getObjectId("_id"))
				.toList();
			assertThat(conversations.find(Filters.eq("accountId", "account-1"))
				.sort(Sorts.descending("lastMessageAt", "_id"))
				.limit(25)
				.map(d -> d.getObjectId("_id"))
				.into(new ArrayList<>())).containsExactlyElementsOf(newestFirst.subList(0, 25));

			IndexedH2Collection stored = (IndexedH2Collection) backend.resolveDatabase("test")
				.resolveCollection("conversations", true);
			assertThat(stored.inIndexOrder(query("accountId", "account-1"), query("lastMessageAt", -1, "_id", -1)))
				.as("read in the index's order")
				.containsExactlyElementsOf(newestFirst.stream()
					.map(id -> (Object) new de.bwaldvogel.mongo.bson.ObjectId(id.toHexString()))
					.toList());
			assertThat(stored.inIndexOrder(query("assignedUserId", "user-1"), query("lastMessageAt", -1, "_id", -1)))
				.as("an _id in the other direction does not break ties the same way")
				.isNull();
		});
	}

	private static de.bwaldvogel.mongo.bson.Document query(Object... fieldsAndValues) {
		de.bwaldvogel.mongo.bson.Document query = new de.bwaldvogel.mongo.bson.Document();
		for (int i = 0; i < fieldsAndValues.length; i += 2) {
			query.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
		}
		return query;
	}

	private void assertSameAnswers(MongoDatabase db, List<ObjectId> ids) {
		MongoCollection<Document> indexed = db.getCollection("indexed");
		MongoCollection<Document> plain = db.getCollection("plain");
		List<Function<MongoCollection<Document>, List<Object>>> queries = new ArrayList<>();
		for (String account : ACCOUNTS) {
			for (int c = 0; c < 12; c += 3) {
				String conversation = "c" + c;
				queries.add(on -> ids(on.find(Filters.and(Filters.eq("accountId", account),
						Filters.eq("conversationId", conversation))).sort(Sorts.descending("createdAt", "_id")).limit(5)));
				queries.add(on -> ids(on.find(Filters.and(Filters.eq("accountId", account),
						Filters.eq("conversationId", conversation), Filters.lt("createdAt", Instant.ofEpochSecond(400))))
					.sort(Sorts.descending("createdAt", "_id"))));
			}
			queries.add(on -> ids(on.find(Filters.eq("accountId", account)).sort(Sorts.ascending("createdAt", "_id"))
				.skip(3).limit(20)));
			// Newest first by id, as the run history pages: {accountId, _id} read in order.
			queries.add(on -> ids(on.find(Filters.eq("accountId", account)).sort(Sorts.descending("_id")).limit(5)));
			queries.add(on -> ids(on.find(Filters.and(Filters.eq("accountId", account), Filters.eq("state", "SENT"),
					Filters.lt("_id", ids.get(300)))).sort(Sorts.descending("_id")).limit(5)));
			// Pages read in an index's order: {state, dueAt} fixed on state, sorted by dueAt.
			queries.add(on -> ids(on.find(Filters.and(Filters.eq("state", "LEASED"), Filters.eq("accountId", account)))
				.sort(Sorts.descending("dueAt", "_id")).limit(4)));
			queries.add(on -> ids(on.find(Filters.and(Filters.eq("accountId", account), Filters.eq("conversationId", "c1"),
					Filters.lt("createdAt", Instant.ofEpochSecond(500))))
				.sort(Sorts.descending("createdAt", "_id")).skip(1).limit(3)));
			queries.add(on -> ids(on.find(Filters.and(Filters.eq("accountId", account),
					Filters.or(Filters.eq("state", "PENDING"), Filters.exists("tags", false))))
				.sort(Sorts.ascending("_id"))));
			queries.add(on -> List.of(on.countDocuments(Filters.eq("accountId", account))));
		}
		queries.add(on -> ids(on.find(Filters.and(Filters.in("state", "PENDING", "LEASED"), Filters.lte("dueAt", 300)))
			.sort(Sorts.ascending("dueAt", "_id"))));
		queries.add(on -> ids(on.find(Filters.eq("state", "SENT")).sort(Sorts.ascending("_id"))));
		queries.add(on -> ids(on.find(Filters.eq("state", "PENDING")).sort(Sorts.ascending("dueAt", "_id")).skip(2).limit(7)));
		queries.add(on -> ids(on.find(Filters.eq("state", "SENT")).sort(Sorts.descending("dueAt", "_id")).limit(1000)));
		queries.add(on -> ids(on.find(Filters.and(Filters.eq("state", "PENDING"), Filters.gte("dueAt", 200)))
			.sort(Sorts.ascending("dueAt", "_id")).limit(5)));
		queries.add(on -> ids(on.find(Filters.eq("accountId", "acme")).sort(Sorts.descending("dueAt", "_id")).limit(5)));
		// A claim for due work: read in order up to the bound, not through every later step.
		for (int bound : new int[] { -1, 0, 150, 300, 599, 600 }) {
			queries.add(on -> ids(on.find(Filters.and(Filters.eq("state", "PENDING"), Filters.lte("dueAt", bound)))
				.sort(Sorts.ascending("dueAt")).limit(3)));
			queries.add(on -> ids(on.find(Filters.and(Filters.eq("state", "LEASED"), Filters.lt("dueAt", (double) bound)))
				.sort(Sorts.ascending("dueAt", "_id")).limit(4)));
			queries.add(on -> ids(on.find(Filters.and(Filters.eq("state", "SENT"), Filters.gte("dueAt", bound)))
				.sort(Sorts.descending("dueAt", "_id")).limit(2)));
			queries.add(on -> ids(on.find(Filters.and(Filters.eq("state", "PENDING"), Filters.gt("dueAt", (long) bound),
					Filters.lte("dueAt", bound + 100))).sort(Sorts.ascending("dueAt", "_id")).limit(5)));
			queries.add(on -> ids(on.find(Filters.and(Filters.eq("state", "LEASED"),
					Filters.lte("dueAt", Instant.ofEpochSecond(bound)))).sort(Sorts.ascending("dueAt", "_id")).limit(3)));
			queries.add(on -> ids(on.find(Filters.and(Filters.eq("state", "PENDING"),
					Filters.gt("dueAt", Instant.ofEpochSecond(bound)))).sort(Sorts.descending("dueAt", "_id")).limit(3)));
		}
		queries.add(on -> ids(on.find(Filters.eq("dueAt", 250)).sort(Sorts.ascending("_id"))));
		queries.add(on -> ids(on.find(Filters.eq("tags", "a")).sort(Sorts.ascending("_id"))));
		queries.add(on -> ids(on.find(Filters.eq("tags", List.of("a", "c"))).sort(Sorts.ascending("_id"))));
		queries.add(on -> ids(on.find(Filters.eq("accountId", null)).sort(Sorts.ascending("_id"))));
		queries.add(on -> ids(on.find(Filters.regex("accountId", "^ac")).sort(Sorts.ascending("_id"))));
		queries.add(on -> ids(on.find(Filters.eq("ref", "r-10"))));
		queries.add(on -> ids(on.find(Filters.and(Filters.eq("ref", "r-12"), Filters.eq("accountId", "acme")))));
		queries.add(on -> ids(on.find(Filters.eq("score", 3)).sort(Sorts.ascending("_id"))));
		queries.add(on -> ids(on.find(Filters.eq("score", 3L)).sort(Sorts.ascending("_id"))));
		for (ObjectId id : ids.subList(0, 40)) {
			queries.add(on -> ids(on.find(Filters.and(Filters.eq("_id", id), Filters.eq("accountId", "acme")))));
			queries.add(on -> ids(on.find(Filters.and(Filters.in("_id", id, ids.get(ids.size() - 1)),
					Filters.in("accountId", "acme", "globex"))).sort(Sorts.ascending("_id"))));
		}
		// countDocuments is answered through the planner; a $count aggregation still runs the server's own way.
		List<Bson> counted = new ArrayList<>();
		for (String account : ACCOUNTS) {
			counted.add(Filters.eq("accountId", account));
			counted.add(Filters.and(Filters.eq("accountId", account), Filters.eq("conversationId", "c1")));
			counted.add(Filters.and(Filters.eq("accountId", account), Filters.eq("state", "PENDING")));
		}
		counted.add(Filters.eq("ref", "r-10"));
		counted.add(Filters.in("_id", ids.get(0), ids.get(1), ids.get(2)));
		counted.add(Filters.lt("dueAt", 100));
		for (Bson filter : counted) {
			Document byStage = plain.aggregate(List.of(Aggregates.match(filter), Aggregates.count("n"))).first();
			long expected = byStage == null ? 0 : byStage.getInteger("n");
			assertThat(indexed.countDocuments(filter)).isEqualTo(expected);
			assertThat(indexed.countDocuments(filter, new CountOptions().skip(1).limit(3)))
				.isEqualTo(Math.max(0, Math.min(3, expected - 1)));
		}
		int nonEmpty = 0;
		for (var query : queries) {
			List<Object> expected = query.apply(plain);
			assertThat(query.apply(indexed)).isEqualTo(expected);
			nonEmpty += expected.isEmpty() || expected.equals(List.of(0L)) ? 0 : 1;
		}
		// The comparison means something only if most queries find documents.
		assertThat(nonEmpty).isGreaterThan(queries.size() / 2);
	}

	private static List<Object> ids(Iterable<Document> found) {
		List<Object> ids = new ArrayList<>();
		found.forEach(document -> ids.add(document.get("_id")));
		return ids;
	}

	private Document randomDocument(int i) {
		Document document = new Document("_id", new ObjectId())
			.append("accountId", ACCOUNTS.get(this.random.nextInt(ACCOUNTS.size())))
			.append("conversationId", "c" + this.random.nextInt(12))
			.append("createdAt", Instant.ofEpochSecond(this.random.nextInt(800)))
			.append("state", pick("PENDING", "LEASED", "SENT"))
			.append("dueAt", dueAt())
			.append("score", this.random.nextInt(3) == 0 ? (Object) 3L : this.random.nextInt(5));
		if (this.random.nextInt(3) > 0) {
			document.append("tags", List.of(pick("a", "b"), pick("c", "d")));
		}
		if (i % 2 == 0) {
			document.append("ref", "r-" + i);
		}
		return document;
	}

	/** Mostly numbers of two types; some dates, strings and nulls, which order apart from them. */
	private Object dueAt() {
		return switch (this.random.nextInt(12)) {
			case 0 -> Instant.ofEpochSecond(this.random.nextInt(600));
			case 1 -> "later";
			case 2 -> null;
			default -> this.random.nextInt(2) == 0 ? this.random.nextInt(600) : (double) this.random.nextInt(600);
		};
	}

	private String pick(String... values) {
		return values[this.random.nextInt(values.length)];
	}

	private static void withDatabase(String file, Consumer<MongoDatabase> work) {
		EmbeddedServers.withDatabase(() -> new DurableH2Backend(file), work);
	}

}
