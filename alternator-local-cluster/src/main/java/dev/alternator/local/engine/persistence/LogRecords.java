package dev.alternator.local.engine.persistence;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.alternator.local.engine.table.KeyPart;
import dev.alternator.local.engine.table.KeyType;
import dev.alternator.local.engine.table.PrimaryKey;
import dev.alternator.local.engine.table.StoredItem;
import dev.alternator.local.engine.table.TableDefinition;

/**
 * The payloads of log and snapshot records (framing and checksums are {@link LogWriter}'s). Every record
 * names its table by id, not by name, so that a write that raced with DeleteTable never lands in a later
 * table of the same name. Item records are physical (the item as stored, or its key for a delete): replaying
 * one twice gives the same result, which is what lets a snapshot be taken while writes go on.
 */
final class LogRecords {

	static final byte DEFINE = 1;

	static final byte DROP = 2;

	static final byte PUT = 3;

	static final byte DELETE = 4;

	static final byte END = 5;

	private static final byte NO_PART = 0;

	private LogRecords() {
	}

	static byte[] define(TableDefinition definition) {
		byte[] json = DefinitionJson.write(definition);
		byte[] payload = new byte[1 + json.length];
		payload[0] = DEFINE;
		System.arraycopy(json, 0, payload, 1, json.length);
		return payload;
	}

	static byte[] drop(UUID table) {
		return ByteBuffer.allocate(17).put(DROP).putLong(table.getMostSignificantBits())
			.putLong(table.getLeastSignificantBits()).array();
	}

	static byte[] put(UUID table, PrimaryKey key, StoredItem item) {
		byte[] json = item.json();
		ByteBuffer buffer = ByteBuffer.allocate(17 + keySize(key) + 8 + json.length);
		buffer.put(PUT).putLong(table.getMostSignificantBits()).putLong(table.getLeastSignificantBits());
		writeKey(buffer, key);
		buffer.putInt(item.size()).putInt(json.length).put(json);
		return buffer.array();
	}

	static byte[] delete(UUID table, PrimaryKey key) {
		ByteBuffer buffer = ByteBuffer.allocate(17 + keySize(key));
		buffer.put(DELETE).putLong(table.getMostSignificantBits()).putLong(table.getLeastSignificantBits());
		writeKey(buffer, key);
		return buffer.array();
	}

	static byte[] end(long records) {
		return ByteBuffer.allocate(9).put(END).putLong(records).array();
	}

	/**
	 * Reads a record and hands it to the target.
	 * @param payload the record's payload, checksum already verified
	 * @param target what the record is applied to
	 * @throws IOException when the payload is not a record this version knows
	 */
	static void apply(byte[] payload, Target target) throws IOException {
		if (payload.length == 0) {
			throw new IOException("Empty record");
		}
		ByteBuffer buffer = ByteBuffer.wrap(payload);
		byte type = buffer.get();
		switch (type) {
			case DEFINE -> target.define(DefinitionJson.read(java.util.Arrays.copyOfRange(payload, 1, payload.length)));
			case DROP -> target.drop(uuid(buffer));
			case PUT -> {
				UUID table = uuid(buffer);
				PrimaryKey key = readKey(buffer);
				int size = buffer.getInt();
				byte[] json = new byte[buffer.getInt()];
				buffer.get(json);
				target.write(table, key, new StoredItem(json, size));
			}
			case DELETE -> target.write(uuid(buffer), readKey(buffer), null);
			case END -> target.end(buffer.getLong());
			default -> throw new IOException("Unknown record type " + type);
		}
	}

	private static UUID uuid(ByteBuffer buffer) {
		return new UUID(buffer.getLong(), buffer.getLong());
	}

	private static int keySize(PrimaryKey key) {
		return partSize(key.hash()) + partSize(key.range());
	}

	private static int partSize(KeyPart part) {
		return 1 + ((part != null) ? 4 + partBytes(part).length : 0);
	}

	private static byte[] partBytes(KeyPart part) {
		// A number keeps its exact text, so that it reads back with the same scale.
		return (part.type() == KeyType.N) ? part.number().toString().getBytes(StandardCharsets.US_ASCII)
				: part.bytes();
	}

	private static void writeKey(ByteBuffer buffer, PrimaryKey key) {
		writePart(buffer, key.hash());
		writePart(buffer, key.range());
	}

	private static void writePart(ByteBuffer buffer, KeyPart part) {
		if (part == null) {
			buffer.put(NO_PART);
			return;
		}
		byte[] bytes = partBytes(part);
		buffer.put((byte) (part.type().ordinal() + 1)).putInt(bytes.length).put(bytes);
	}

	private static PrimaryKey readKey(ByteBuffer buffer) throws IOException {
		KeyPart hash = readPart(buffer);
		if (hash == null) {
			throw new IOException("An item record without a partition key");
		}
		return PrimaryKey.of(hash, readPart(buffer));
	}

	private static KeyPart readPart(ByteBuffer buffer) throws IOException {
		byte type = buffer.get();
		if (type == NO_PART) {
			return null;
		}
		byte[] bytes = new byte[buffer.getInt()];
		buffer.get(bytes);
		return switch (type - 1) {
			case 0 -> KeyPart.ofString(new String(bytes, StandardCharsets.UTF_8));
			case 1 -> KeyPart.ofNumber(new BigDecimal(new String(bytes, StandardCharsets.US_ASCII)));
			case 2 -> KeyPart.ofBinary(bytes);
			default -> throw new IOException("Unknown key type " + type);
		};
	}

	/**
	 * What records are applied to.
	 */
	interface Target {

		void define(TableDefinition definition);

		void drop(UUID table);

		void write(UUID table, PrimaryKey key, StoredItem item);

		void end(long records);

	}

}
