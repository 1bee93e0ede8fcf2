package io.recruitflow.platform;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;

/**
 * A unique index (including {@code _id}'s) for the embedded server, held in a hash map and rebuilt
 * from the documents when the store opens, like {@link EmbeddedHashIndex}. The server's own H2
 * unique index is a B-tree map in the store whose keys H2 can only compare by Java-serialising
 * both sides: profiling the trigger benchmark put a tenth of the database threads' time in those
 * comparisons, and every insert rewrote one more page per unique index at each commit. Being
 * rebuilt from the data also means a crash can never leave the index disagreeing with it.
 * <p>
 * A one-field key (every {@code _id} index's) is held as its value alone: the server's key object,
 * its list and that list's array were two thirds of each entry, and with a day's data the
 * {@code _id} indexes alone held a quarter of a million entries on the capped heap. A compound
 * key is held as an array of its values, their strings {@link SharedStrings shared}: each step's
 * key repeated its workflow's and step's ids, and these keys held 142,000 duplicate strings after
 * the full benchmark.
 */
final class EmbeddedUniqueIndex extends AbstractUniqueIndex<Object> {

	/** How a missing value of a one-field key is held, since the map takes no null keys. */
	private static final Object NO_VALUE = new Object();

	private final Map<Object, Object> positions = new ConcurrentHashMap<>();

	private final boolean oneField;

	EmbeddedUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.oneField = keys.size() == 1;
	}

	/**
	 * A compound key's values. Equal exactly when the key values are, which compare their values as
	 * lists, element by element.
	 */
	private record Compound(Object[] values) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Compound compound && Arrays.equals(this.values, compound.values);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(this.values);
		}

	}

	/**
	 * The map's key for a key value. A one-field key's value alone equals another exactly when the
	 * key values are equal, since they compare their values as lists.
	 */
	private Object held(KeyValue keyValue) {
		if (!this.oneField) {
			return new Compound(keyValue.stream().toArray());
		}
		Object value = keyValue.get(0);
		return value == null ? NO_VALUE : value;
	}

	/** The map's key for a key value being stored: its strings shared with other keys'. */
	private Object stored(KeyValue keyValue) {
		if (!this.oneField) {
			return new Compound(keyValue.stream().map(SharedStrings::shareValue).toArray());
		}
		return held(keyValue);
	}

	private KeyValue keyValue(Object held) {
		if (held instanceof Compound compound) {
			return new KeyValue(compound.values());
		}
		return new KeyValue(held == NO_VALUE ? null : held);
	}

	@Override
	protected Object removeDocument(KeyValue keyValue) {
		return this.positions.remove(held(keyValue));
	}

	@Override
	protected boolean putKeyPosition(KeyValue keyValue, Object position) {
		return this.positions.putIfAbsent(stored(keyValue), Missing.ofNullable(position)) == null;
	}

	@Override
	protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
		return () -> this.positions.entrySet()
			.stream()
			.<Map.Entry<KeyValue, Object>>map(entry -> new AbstractMap.SimpleImmutableEntry<>(keyValue(entry.getKey()),
					entry.getValue()))
			.iterator();
	}

	@Override
	protected Object getPosition(KeyValue keyValue) {
		return this.positions.get(held(keyValue));
	}

	@Override
	public long getCount() {
		return this.positions.size();
	}

	@Override
	public boolean isEmpty() {
		return this.positions.isEmpty();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

}
