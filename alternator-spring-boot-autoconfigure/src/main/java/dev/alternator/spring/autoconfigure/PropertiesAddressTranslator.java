package dev.alternator.spring.autoconfigure;

import java.util.Map;

import dev.alternator.client.AddressTranslator;
import dev.alternator.client.AlternatorNode;

/**
 * {@link AddressTranslator} from {@code alternator.address-translation}: a reported {@code host:port} or {@code host}
 * mapped to the host, {@code host:port} or URL to connect to. The reported node's scheme and port apply where the
 * target leaves them out.
 */
final class PropertiesAddressTranslator implements AddressTranslator {

	private final Map<String, String> translations;

	PropertiesAddressTranslator(Map<String, String> translations) {
		this.translations = Map.copyOf(translations);
	}

	@Override
	public AlternatorNode translate(AlternatorNode reported) {
		String target = this.translations.get(reported.host() + ":" + reported.port());
		if (target == null) {
			target = this.translations.get(reported.host());
		}
		return (target != null) ? AlternatorNode.fromSeed(target, reported.scheme(), reported.port()) : reported;
	}

}
