package io.recruitflow.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A declared non-unique index, for the embedded server, which otherwise ignores them and scans the
 * whole collection for every query. It groups documents by the leading runs of the index's keys
 * (for {@code {conversationId: 1, createdAt: -1}}: by conversationId, each group ordered by
 * createdAt), so an equality on a prefix finds its few documents at once, and a page sorted by the
 * last key is read in order. Other conditions are left to the collection, which re-checks the
 * whole query on what this returns. It lives
 * in memory and is rebuilt from the documents when the store opens (see
 * {@link IndexedH2Collection}, which chooses between indexes).
 */
final class EmbeddedHashIndex extends Index<Object> {

	/**
	 * Hash maps for the shorter prefixes: the key values of a prefix → positions of the documents
	 * holding them. A single-key index has one, for its key; a compound index of n keys has them for
	 * lengths 1 to n − 2, since {@link #inOrder} serves n − 1 and the full key is rarely all fixed.
	 */
	private final List<Map<List<Object>, Set<Object>>> byPrefix = new ArrayList<>();

	/**
	 * For a compound index, the documents of each value of all keys but the last, in the order of
	 * the last key (then position): {accountId, lastMessageAt} lists an account's conversations by
	 * activity, so a page of them is read in order instead of sorting them all.
	 */
	private final Map<List<Object>, TreeMap<Object, Object>> inOrder = new HashMap<>();

	/** Set once a document holds an array in the last key, whose order MongoDB defines otherwise. */
	private boolean orderUnreliable;

	private long entries;

	/** How the server orders values: positions (ids) too, to break ties. */
	private static final Comparator<Object> ASCENDING = ValueComparator.asc();

	/**
	 * The positions of the documents sharing one value of the last key, in order. A value only one
	 * document holds maps to its position alone, with no object per entry: these groups hold every
	 * stored message, step and run, and such objects were 11 MB of the 213 MB the heap kept with the
	 * benchmark's data.
	 */
	private static final class Ties extends TreeSet<Object> {

		private static final long serialVersionUID = 1L;

		Ties(Object position, Object other) {
			super(ASCENDING);
			add(position);
			add(other);
		}

	}

	/**
	 * The keys this index groups and orders by: all of them, less a trailing _id in the direction of
	 * the key before it. That _id only breaks ties, and ties are broken by position (the _id) here
	 * anyway; MongoDB needs it in the index to read a page sorted by {lastMessageAt, _id} in order.
	 */
	private final List<String> ordering;

	EmbeddedHashIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		List<String> names = keys.stream().map(IndexKey::getKey).toList();
		boolean idBreaksTies = keys.size() > 2 && keys.getLast().getKey().equals("_id")
				&& keys.getLast().isAscending() == keys.get(keys.size() - 2).isAscending();
		this.ordering = idBreaksTies ? names.subList(0, names.size() - 1) : names;
		int hashed = this.ordering.size() == 1 ? 1 : this.ordering.size() - 2;
		for (int i = 0; i < hashed; i++) {
			this.byPrefix.add(new HashMap<>());
		}
	}

	/**
	 * The positions that may match a query with these equalities, using the longest prefix of this
	 * index's keys that the query fixes; null when the query fixes not even the first key.
	 */
	synchronized Collection<Object> candidates(Map<String, Object> equalities) {
		List<List<Object>> prefixValues = new ArrayList<>();
		prefixValues.add(List.of());
		int length = 0;
		int longestKept = ordered() ? this.ordering.size() - 1 : 1;
		for (String key : this.ordering.subList(0, longestKept)) {
			Object value = equalities.get(key);
			if (value == null) {
				break;
			}
			List<List<Object>> longer = new ArrayList<>();
			List<?> alternatives = value instanceof InValues in ? in.values() : List.of(value);
			for (List<Object> prefix : prefixValues) {
				for (Object alternative : alternatives) {
					List<Object> extended = new ArrayList<>(prefix);
					extended.add(normalized(alternative));
					longer.add(extended);
				}
			}
			prefixValues = longer;
			length++;
		}
		if (length == 0) {
			return null;
		}
		Set<Object> positions = new LinkedHashSet<>();
		if (ordered() && length == longestKept) {
			for (List<Object> prefix : prefixValues) {
				TreeMap<Object, Object> ordered = this.inOrder.get(prefix);
				if (ordered != null) {
					ordered.values().forEach(held -> addPositions(held, false, positions));
				}
			}
			return positions;
		}
		Map<List<Object>, Set<Object>> buckets = this.byPrefix.get(length - 1);
		for (List<Object> prefix : prefixValues) {
			positions.addAll(buckets.getOrDefault(prefix, Set.of()));
		}
		return positions;
	}

	/** The values of an {@code $in} condition, any of which may match. */
	record InValues(List<?> values) {
	}

	/**
	 * Positions of the documents with these values for all keys but the last, ordered by the last
	 * key and then position, descending if asked; null when this index cannot give that order.
	 */
	synchronized List<Object> inOrder(List<Object> prefixValues, boolean descending) {
		if (!ordered() || this.orderUnreliable || prefixValues.size() != this.ordering.size() - 1) {
			return null;
		}
		List<Object> normalizedPrefix = prefixValues.stream().map(EmbeddedHashIndex::normalized).toList();
		TreeMap<Object, Object> ordered = this.inOrder.get(normalizedPrefix);
		if (ordered == null) {
			return List.of();
		}
		List<Object> positions = new ArrayList<>(ordered.size());
		(descending ? ordered.descendingMap() : ordered).values()
			.forEach(held -> addPositions(held, descending, positions));
		return positions;
	}

	private static void addPositions(Object held, boolean descending, Collection<Object> positions) {
		if (held instanceof Ties ties) {
			positions.addAll(descending ? ties.descendingSet() : ties);
		}
		else {
			positions.add(held);
		}
	}

	/** The key whose order {@link #inOrder} follows. */
	String orderKey() {
		return this.ordering.getLast();
	}

	/** Whether {@link #inOrder} serves pages: the index orders by a key after fixed ones. */
	private boolean ordered() {
		return this.ordering.size() > 1;
	}

	/** The keys {@link #inOrder} takes fixed values of. */
	List<String> orderPrefix() {
		return this.ordering.subList(0, this.ordering.size() - 1);
	}

	@Override
	public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
		if (ordered()) {
			Object last = Utils.getSubdocumentValueCollectionAware(document, orderKey());
			if (last instanceof Collection<?>) {
				this.orderUnreliable = true;
			}
			for (List<Object> prefix : prefixes(document, this.ordering.size() - 1)) {
				this.inOrder.computeIfAbsent(prefix, ignored -> new TreeMap<>(ASCENDING))
					.merge(normalized(last), position, EmbeddedHashIndex::withPosition);
			}
		}
		for (int length = 1; length <= this.byPrefix.size(); length++) {
			for (List<Object> prefix : prefixes(document, length)) {
				this.byPrefix.get(length - 1).computeIfAbsent(prefix, ignored -> new LinkedHashSet<>()).add(position);
			}
		}
		this.entries++;
	}

	/** Positions are the documents' ids in the H2 collections this index serves. */
	@Override
	public synchronized Object remove(Document document) {
		Object position = document.get("_id");
		if (ordered()) {
			Object last = normalized(Utils.getSubdocumentValueCollectionAware(document, orderKey()));
			for (List<Object> prefix : prefixes(document, this.ordering.size() - 1)) {
				TreeMap<Object, Object> ordered = this.inOrder.get(prefix);
				if (ordered != null) {
					ordered.computeIfPresent(last, (value, held) -> withoutPosition(held, position));
					if (ordered.isEmpty()) {
						this.inOrder.remove(prefix);
					}
				}
			}
		}
		for (int length = 1; length <= this.byPrefix.size(); length++) {
			Map<List<Object>, Set<Object>> buckets = this.byPrefix.get(length - 1);
			for (List<Object> prefix : prefixes(document, length)) {
				Set<Object> bucket = buckets.get(prefix);
				if (bucket != null && bucket.remove(position) && bucket.isEmpty()) {
					buckets.remove(prefix);
				}
			}
		}
		this.entries = Math.max(0, this.entries - 1);
		return position;
	}

	private static Object withPosition(Object held, Object position) {
		if (held instanceof Ties ties) {
			ties.add(position);
			return ties;
		}
		return samePosition(held, position) ? held : new Ties(held, position);
	}

	/** What a value keeps once this position leaves it, or null when nothing does. */
	private static Object withoutPosition(Object held, Object position) {
		if (held instanceof Ties ties) {
			ties.remove(position);
			return ties.size() > 1 ? ties : ties.isEmpty() ? null : ties.first();
		}
		return samePosition(held, position) ? null : held;
	}

	private static boolean samePosition(Object one, Object other) {
		return ASCENDING.compare(one, other) == 0;
	}

	@Override
	public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) {
		if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
			remove(oldDocument);
			add(newDocument, position, collection);
		}
	}

	/** Every combination of the document's values for the first {@code length} keys (arrays index each element). */
	private List<List<Object>> prefixes(Document document, int length) {
		List<List<Object>> prefixes = new ArrayList<>();
		prefixes.add(List.of());
		for (String key : this.ordering.subList(0, length)) {
			Object value = Utils.getSubdocumentValueCollectionAware(document, key);
			List<?> values = value instanceof Collection<?> many && !many.isEmpty() ? new ArrayList<>(many)
					: Collections.singletonList(value);
			List<List<Object>> longer = new ArrayList<>();
			for (List<Object> prefix : prefixes) {
				for (Object each : values) {
					// Sized to fit: the first document of a group keeps its list as the group's key.
					List<Object> extended = new ArrayList<>(prefix.size() + 1);
					extended.addAll(prefix);
					extended.add(normalized(each));
					longer.add(extended);
				}
			}
			prefixes = longer;
		}
		return prefixes;
	}

	/** As the server compares values for equality: every number as a double, missing as null. */
	static Object normalized(Object value) {
		if (value == null || value instanceof Missing) {
			return null;
		}
		if (value instanceof Long whole && (double) whole.longValue() != whole.doubleValue()) {
			return whole;
		}
		if (value instanceof Number number) {
			double real = number.doubleValue();
			return real == -0.0 ? 0.0 : real;
		}
		return value;
	}

	/** Not a uniqueness constraint, and not chosen by the server's own planner: {@link IndexedH2Collection} asks it. */
	@Override
	public boolean canHandle(Document query) {
		return false;
	}

	@Override
	public Iterable<Object> getPositions(Document query) {
		throw new UnsupportedOperationException("asked through candidates()");
	}

	@Override
	public Object getPosition(Document document) {
		return null;
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
		// Not unique: any document may be added.
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
		// Not unique: any change is allowed.
	}

	@Override
	public synchronized long getCount() {
		return this.entries;
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	public synchronized void drop() {
		this.byPrefix.forEach(Map::clear);
		this.inOrder.clear();
		this.entries = 0;
	}

}
