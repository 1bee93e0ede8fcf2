package io.recruitflow.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * An embedded-server collection that uses its indexes the way MongoDB would. The server's own
 * planner uses an index only when the query names exactly that index's fields, so
 * {@code {_id: …, accountId: …}} — how every tenant-scoped lookup reads — scanned the whole
 * collection, as did every query on a non-unique index. Here the planner takes the equalities a
 * query fixes (at the top level or inside {@code $and}), asks the {@code _id} index, the unique
 * indexes and the {@link EmbeddedHashIndex hash indexes} for the documents that could match, and
 * keeps the smallest set; the collection then checks the whole query, sorts and limits as before.
 */
final class IndexedH2Collection extends H2Collection {

	IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
			MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
		super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
	}

	/**
	 * The store keeps the document it is given in its cache of pages until the page is evicted, so
	 * it keeps one with its field names and strings {@link SharedStrings shared}, as documents read
	 * back from the file are.
	 */
	@Override
	protected Object addDocumentInternal(Document document) {
		return super.addDocumentInternal(SharedStrings.document(document));
	}

	@Override
	protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
		super.handleUpdate(position, oldDocument, SharedStrings.document(newDocument));
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
			int batchSize, Document fieldSelector) {
		Map<String, Object> equalities = naturalOrder(orderBy) ? Map.of() : equalities(query);
		if (equalities.isEmpty()) {
			return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}
		if (limit > 0 && orderBy != null && !orderBy.isEmpty()) {
			List<Object> ordered = inIndexOrder(equalities, orderBy);
			if (ordered != null) {
				// Read in the index's order and stop at the page; the server then sorts just that page.
				Predicate<Document> notPastBound = notPastBound(query, orderBy);
				Stream<Document> page = ordered.stream()
					.map(this::getDocument)
					.filter(Objects::nonNull)
					.takeWhile(notPastBound)
					.filter(document -> documentMatchesQuery(document, query))
					.limit((long) numberToSkip + limit);
				return matchDocumentsFromStream(page, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
			}
		}
		Collection<Object> candidates = candidates(equalities);
		if (candidates == null) {
			return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}
		return matchDocumentsFromStream(candidates.stream().map(this::getDocument).filter(Objects::nonNull), query,
				orderBy, numberToSkip, limit, batchSize, fieldSelector);
	}

	/**
	 * When the query bounds the sort key on the side the order runs towards ({@code $lte}/{@code $lt}
	 * ascending, {@code $gte}/{@code $gt} descending), whether a document is not yet past the bound:
	 * every later one is past it too and cannot match. A claim for due work reads only the due
	 * steps, not every step waiting for a later time.
	 */
	private static Predicate<Document> notPastBound(Document query, Document orderBy) {
		String key = orderBy.keySet().iterator().next();
		boolean descending = orderBy.get(key) instanceof Number n && n.intValue() < 0;
		if (!(query.get(key) instanceof Document condition)) {
			return document -> true;
		}
		String inclusive = descending ? "$gte" : "$lte";
		String exclusive = descending ? "$gt" : "$lt";
		boolean strict = !condition.containsKey(inclusive);
		Object bound = condition.containsKey(inclusive) ? condition.get(inclusive) : condition.get(exclusive);
		if (bound == null || condition.containsKey(inclusive) && condition.containsKey(exclusive)) {
			return document -> true;
		}
		Object normalizedBound = EmbeddedHashIndex.normalized(bound);
		Comparator<Object> order = descending ? ValueComparator.desc() : ValueComparator.asc();
		return document -> {
			int side = order.compare(
					EmbeddedHashIndex.normalized(Utils.getSubdocumentValueCollectionAware(document, key)), normalizedBound);
			return strict ? side < 0 : side <= 0;
		};
	}

	List<Object> inIndexOrder(Document query, Document orderBy) {
		return inIndexOrder(equalities(query), orderBy);
	}

	Collection<Object> candidates(Document query) {
		Map<String, Object> equalities = equalities(query);
		return equalities.isEmpty() ? null : candidates(equalities);
	}

	/**
	 * Positions in the requested order, from a compound index whose leading keys the query fixes
	 * and whose last key (optionally then _id) is the sort; null when no index gives that order.
	 */
	private List<Object> inIndexOrder(Map<String, Object> equalities, Document orderBy) {
		List<String> sortKeys = new ArrayList<>(orderBy.keySet());
		if (sortKeys.size() > 2 || (sortKeys.size() == 2 && !sortKeys.get(1).equals("_id"))) {
			return null;
		}
		Set<Integer> directions = new HashSet<>();
		orderBy.values().forEach(direction -> directions.add(direction instanceof Number n ? Integer.signum(n.intValue()) : 0));
		if (directions.size() != 1 || directions.contains(0)) {
			return null;
		}
		boolean descending = directions.contains(-1);
		for (Index<Object> index : getIndexes()) {
			if (!(index instanceof EmbeddedHashIndex hash) || hash.getKeys().size() < 2
					|| !hash.orderKey().equals(sortKeys.getFirst())) {
				continue;
			}
			List<Object> prefix = new ArrayList<>();
			for (String key : hash.orderPrefix()) {
				Object value = equalities.get(key);
				if (value == null || value instanceof EmbeddedHashIndex.InValues) {
					break;
				}
				prefix.add(value);
			}
			if (prefix.size() == hash.orderPrefix().size()) {
				List<Object> ordered = hash.inOrder(prefix, descending);
				if (ordered != null) {
					return ordered;
				}
			}
		}
		return null;
	}

	/** The smallest set of positions some index offers for these equalities, or null when none helps. */
	private Collection<Object> candidates(Map<String, Object> equalities) {
		Collection<Object> best = null;
		for (Index<Object> index : getIndexes()) {
			Collection<Object> offered = offeredBy(index, equalities);
			if (offered != null && (best == null || offered.size() < best.size())) {
				best = offered;
				if (best.size() <= 1) {
					break;
				}
			}
		}
		return best;
	}

	private static Collection<Object> offeredBy(Index<Object> index, Map<String, Object> equalities) {
		if (index instanceof EmbeddedHashIndex hash) {
			return hash.candidates(equalities);
		}
		// A unique index (the _id index among them) answers when the query fixes all of its fields.
		Document exact = new Document();
		for (var key : index.getKeys()) {
			Object value = equalities.get(key.getKey());
			if (value == null) {
				return null;
			}
			exact.put(key.getKey(), value instanceof EmbeddedHashIndex.InValues in ? new Document("$in", in.values()) : value);
		}
		if (!index.canHandle(exact)) {
			return null;
		}
		List<Object> positions = new ArrayList<>();
		index.getPositions(exact).forEach(positions::add);
		return positions;
	}

	/**
	 * Fields the query fixes to one value (or to one of an {@code $in} list's values). Anything else —
	 * ranges, regular expressions, nulls, whole arrays or subdocuments, {@code $or} — is left to the
	 * full check of the query, so taking fewer equalities than there are is always safe.
	 */
	private static Map<String, Object> equalities(Document query) {
		Map<String, Object> equalities = new LinkedHashMap<>();
		collectEqualities(query, equalities);
		return equalities;
	}

	private static void collectEqualities(Document query, Map<String, Object> equalities) {
		for (Map.Entry<String, Object> entry : query.entrySet()) {
			String field = entry.getKey();
			Object value = entry.getValue();
			if (field.equals("$and") && value instanceof Collection<?> clauses) {
				for (Object clause : clauses) {
					if (clause instanceof Document document) {
						collectEqualities(document, equalities);
					}
				}
			}
			else if (!field.startsWith("$")) {
				Object fixed = fixedValue(value);
				if (fixed != null) {
					equalities.putIfAbsent(field, fixed);
				}
			}
		}
	}

	private static Object fixedValue(Object value) {
		if (value instanceof Document condition) {
			if (condition.size() != 1) {
				return null;
			}
			if (condition.containsKey("$eq")) {
				return scalar(condition.get("$eq")) ? condition.get("$eq") : null;
			}
			if (condition.get("$in") instanceof Collection<?> values && !values.isEmpty()
					&& values.stream().allMatch(IndexedH2Collection::scalar)) {
				return new EmbeddedHashIndex.InValues(List.copyOf(values));
			}
			return null;
		}
		return scalar(value) ? value : null;
	}

	private static boolean scalar(Object value) {
		return value != null && !(value instanceof Document) && !(value instanceof Collection<?>)
				&& !(value instanceof Pattern) && !BsonRegularExpression.isRegularExpression(value)
				&& !(value instanceof de.bwaldvogel.mongo.backend.Missing);
	}

	private static boolean naturalOrder(Document orderBy) {
		return orderBy != null && orderBy.containsKey("$natural");
	}

}
