package dev.alternator.local.engine.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.alternator.local.engine.table.KeyAttribute;
import dev.alternator.local.engine.table.KeyExtractor;
import dev.alternator.local.engine.table.KeyPart;
import dev.alternator.local.engine.table.KeySchema;
import dev.alternator.local.engine.table.PrimaryKey;
import dev.alternator.local.engine.table.StoredItem;

/**
 * Reads keys out of stored item JSON with the streaming parser, touching only the top-level key attributes and
 * skipping the rest unparsed: index maintenance then costs little more than a scan of the bytes.
 */
final class ItemKeys implements KeyExtractor {

	static final ItemKeys INSTANCE = new ItemKeys();

	@Override
	public PrimaryKey keyOf(StoredItem item, KeySchema key) {
		KeyPart hash = null;
		KeyPart range = null;
		String hashName = key.hash().name();
		String rangeName = (key.range() != null) ? key.range().name() : null;
		try (JsonParser parser = Json.FACTORY.createParser(item.json())) {
			parser.nextToken();
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				if (name.equals(hashName)) {
					hash = part(parser, key.hash());
					if (hash == null) {
						return null;
					}
				}
				else if (name.equals(rangeName)) {
					range = part(parser, key.range());
					if (range == null) {
						return null;
					}
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Stored item is not valid JSON", ex);
		}
		if (hash == null || (rangeName != null && range == null)) {
			return null;
		}
		return PrimaryKey.of(hash, range);
	}

	/**
	 * Reads one typed value, such as {@code {"S":"x"}}, positioned on its start; {@code null} when it has another
	 * type than the key attribute's (the parser is then past the value).
	 */
	private static KeyPart part(JsonParser parser, KeyAttribute attribute) throws IOException {
		KeyPart part = null;
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String type = parser.currentName();
			parser.nextToken();
			if (type.equals(attribute.type().name()) && parser.currentToken() == JsonToken.VALUE_STRING) {
				part = switch (attribute.type()) {
					case S -> KeyPart.ofString(parser.getText());
					case N -> KeyPart.ofNumber(new BigDecimal(parser.getText()));
					case B -> KeyPart.ofBinary(Base64.getDecoder().decode(parser.getText()));
				};
			}
			else {
				parser.skipChildren();
			}
		}
		return part;
	}

}
