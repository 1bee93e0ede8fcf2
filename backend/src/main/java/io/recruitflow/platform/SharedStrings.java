package io.recruitflow.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

import de.bwaldvogel.mongo.bson.Document;

/**
 * One instance of each short string the embedded store keeps again and again. Its documents and
 * index keys are decoded from bytes, so each stored step kept its own copy of its account's id,
 * its workflow's id and its state, and each cached document its own copies of the field names: a
 * heap dump after the full benchmark counted 384,000 duplicate strings, 24 MB of the 173 MB the
 * heap kept, most of them in the compound unique indexes' keys and in H2's cache of documents.
 * <p>
 * A direct-mapped table keeps the last string seen in each slot. A value that recurs (a field
 * name, an account's id, a state) stays there and is handed out instead of each new copy; a value
 * seen once (a document's own id) passes through and is soon replaced, so the table never holds
 * more than {@link #SLOTS} strings whatever the data. Written here because the libraries on the
 * class path intern for good (String.intern) or through a weak reference per string (Guava's
 * weak interner), and the collector's own string deduplication, tried, cost the app more
 * collector time than it saved (see docs/performance.md).
 */
final class SharedStrings {

	private static final int SLOTS = 1 << 14;

	/** Longer strings are message bodies and the like, rarely repeated and costly to hash. */
	private static final int LONGEST = 64;

	private static final String ID = "_id";

	private static final AtomicReferenceArray<String> TABLE = new AtomicReferenceArray<>(SLOTS);

	private SharedStrings() {
	}

	/** The instance held for this string's value, or the string itself, now held. */
	static String share(String value) {
		if (value.length() > LONGEST) {
			return value;
		}
		int hash = value.hashCode();
		int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
		String held = TABLE.getAcquire(slot);
		if (value.equals(held)) {
			return held;
		}
		TABLE.setRelease(slot, value);
		return value;
	}

	/** A string shared; a document or list with its strings shared; any other value as it is. */
	static Object shareValue(Object value) {
		if (value instanceof String text) {
			return share(text);
		}
		if (value instanceof Document document) {
			return document(document);
		}
		if (value instanceof List<?> values) {
			List<Object> shared = new ArrayList<>(values.size());
			for (Object element : values) {
				shared.add(shareValue(element));
			}
			return shared;
		}
		return value;
	}

	/** A top-level field's value shared, unless it is the document's id (see {@link #document}). */
	static Object sharedField(String name, Object value) {
		return name.equals(ID) ? value : shareValue(value);
	}

	/**
	 * A copy of the document, equal to it, whose field names and string values are shared. Its
	 * {@code _id} stays the very value it was: the store's indexes hold it as the document's
	 * position, and a shared copy would only add another.
	 */
	static Document document(Document document) {
		Document shared = new Document();
		for (Map.Entry<String, Object> field : document.entrySet()) {
			String name = field.getKey();
			shared.put(share(name), sharedField(name, field.getValue()));
		}
		return shared;
	}

}
