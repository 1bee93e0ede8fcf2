package io.recruitflow.platform;

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
 */
final class EmbeddedUniqueIndex extends AbstractUniqueIndex<Object> {

	private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

	EmbeddedUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
	}

	@Override
	protected Object removeDocument(KeyValue keyValue) {
		return this.positions.remove(keyValue);
	}

	@Override
	protected boolean putKeyPosition(KeyValue keyValue, Object position) {
		return this.positions.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
	}

	@Override
	protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
		return this.positions.entrySet();
	}

	@Override
	protected Object getPosition(KeyValue keyValue) {
		return this.positions.get(keyValue);
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
