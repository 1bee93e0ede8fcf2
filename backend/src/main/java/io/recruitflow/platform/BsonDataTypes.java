package io.recruitflow.platform;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store writes documents and their ids: as BSON, with the server's own wire
 * codec. H2's default type writes any object it does not know with Java serialization — a new
 * ObjectOutputStream per document and per id, for every entry of every page a commit rewrites.
 * A profile of the trigger and reads benchmarks put a fifth of the app's CPU and two fifths of its
 * allocations there, and the garbage drove the heap into full collections.
 *
 * <p>A value the codec cannot write (none the server stores are known) falls back to H2's type,
 * marked so it is read back the same way.
 */
final class BsonDataTypes {

	private static final byte BSON = 'B';

	private static final byte MISSING = 'M';

	private static final byte JAVA = 'J';

	/** Encoding scratch space per committing thread: a commit writes many entries in a row. */
	private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

	private static final ObjectDataType FALLBACK = new ObjectDataType();

	private BsonDataTypes() {
	}

	/** A collection's documents. */
	static final class DocumentType extends BasicDataType<Document> {

		static final DocumentType INSTANCE = new DocumentType();

		@Override
		public int getMemory(Document document) {
			return estimate(document);
		}

		@Override
		public void write(WriteBuffer buffer, Document document) {
			ByteBuf scratch = scratch();
			try {
				BsonEncoder.encodeDocument(document, scratch);
			}
			catch (RuntimeException notBson) {
				buffer.put(JAVA);
				FALLBACK.write(buffer, document);
				return;
			}
			buffer.put(BSON);
			buffer.put(scratch.array(), scratch.arrayOffset(), scratch.readableBytes());
		}

		@Override
		public Document read(ByteBuffer buffer) {
			if (buffer.get() == JAVA) {
				return (Document) FALLBACK.read(buffer);
			}
			int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
			Document document = decodeSharing(slice(buffer, length));
			buffer.position(buffer.position() + length);
			return document;
		}

		@Override
		public Document[] createStorage(int size) {
			return new Document[size];
		}

	}

	/** Document ids, the keys of a collection's map, ordered as MongoDB orders values. */
	static final class IdType extends BasicDataType<Object> {

		static final IdType INSTANCE = new IdType();

		/**
		 * MongoDB's order of values, with ties between different values (arrays compare by their
		 * smallest element, so {@code {a: [1, 2]}} and {@code {a: [2, 1]}} tie) broken by their
		 * encoding: two ids are one key only when they are equal.
		 */
		@Override
		public int compare(Object one, Object other) {
			int order;
			try {
				order = ValueComparator.asc().compare(one, other);
			}
			catch (RuntimeException incomparable) {
				order = 0;
			}
			if (order != 0 || Objects.equals(one, other)) {
				return order;
			}
			return Arrays.compare(encoded(one), encoded(other));
		}

		private byte[] encoded(Object id) {
			WriteBuffer buffer = new WriteBuffer(64);
			write(buffer, id);
			ByteBuffer bytes = buffer.getBuffer();
			bytes.flip();
			byte[] copy = new byte[bytes.remaining()];
			bytes.get(copy);
			return copy;
		}

		@Override
		public int getMemory(Object id) {
			return estimate(id);
		}

		@Override
		public void write(WriteBuffer buffer, Object id) {
			if (id instanceof Missing) {
				buffer.put(MISSING);
				return;
			}
			ByteBuf scratch = scratch();
			byte type;
			try {
				type = BsonEncoder.determineType(id);
				BsonEncoder.encodeValue(type, id, scratch);
			}
			catch (RuntimeException notBson) {
				buffer.put(JAVA);
				FALLBACK.write(buffer, id);
				return;
			}
			buffer.put(BSON).put(type).putVarInt(scratch.readableBytes());
			buffer.put(scratch.array(), scratch.arrayOffset(), scratch.readableBytes());
		}

		@Override
		public Object read(ByteBuffer buffer) {
			byte tag = buffer.get();
			if (tag == MISSING) {
				return Missing.getInstance();
			}
			if (tag == JAVA) {
				return FALLBACK.read(buffer);
			}
			byte type = buffer.get();
			int length = org.h2.mvstore.DataUtils.readVarInt(buffer);
			Object id = BsonDecoder.decodeValue(type, slice(buffer, length));
			buffer.position(buffer.position() + length);
			return id;
		}

		@Override
		public Object[] createStorage(int size) {
			return new Object[size];
		}

	}

	/**
	 * A stored document, decoded like the codec's {@code decodeBson} but with its field names and
	 * top-level strings {@link SharedStrings shared}: H2 keeps what it reads in its cache, and with
	 * the codec's own decoder each cached document held its own copy of every field name. Decoding
	 * and then copying the document doubled what each page read allocated.
	 */
	private static Document decodeSharing(ByteBuf bson) {
		int end = bson.readerIndex() + bson.readIntLE();
		Document document = new Document();
		for (byte type = bson.readByte(); type != 0; type = bson.readByte()) {
			String name = SharedStrings.share(BsonDecoder.decodeCString(bson));
			Object value = BsonDecoder.decodeValue(type, bson);
			document.put(name, SharedStrings.sharedField(name, value));
			if (bson.readerIndex() >= end) {
				throw new IllegalArgumentException("A stored document ends without its terminating byte");
			}
		}
		return document;
	}

	/** Scratch space grown past this by one large document is not kept for the thread's lifetime. */
	private static final int KEPT_SCRATCH = 1 << 20;

	private static ByteBuf scratch() {
		ByteBuf scratch = SCRATCH.get();
		if (scratch.capacity() > KEPT_SCRATCH) {
			scratch = Unpooled.buffer(4096);
			SCRATCH.set(scratch);
		}
		scratch.clear();
		return scratch;
	}

	private static ByteBuf slice(ByteBuffer buffer, int length) {
		if (buffer.hasArray()) {
			return Unpooled.wrappedBuffer(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
		}
		byte[] copy = new byte[length];
		buffer.get(buffer.position(), copy);
		return Unpooled.wrappedBuffer(copy);
	}

	/**
	 * Roughly the heap a value takes, which is what H2 sizes its pages and cache by. Walking the
	 * document is cheaper than encoding it, and called on every put.
	 */
	static int estimate(Object value) {
		if (value instanceof String text) {
			return 40 + 2 * text.length();
		}
		if (value instanceof Map<?, ?> map) {
			int size = 48;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
			}
			return size;
		}
		if (value instanceof Collection<?> values) {
			int size = 40;
			for (Object element : values) {
				size += 8 + estimate(element);
			}
			return size;
		}
		if (value instanceof byte[] bytes) {
			return 16 + bytes.length;
		}
		return 24;
	}

}
