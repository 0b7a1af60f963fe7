package dev.alternator.spring.autoconfigure;

import java.util.List;

/**
 * {@link AlternatorConnectionDetails} from {@link AlternatorProperties}.
 */
class PropertiesAlternatorConnectionDetails implements AlternatorConnectionDetails {

	private final AlternatorProperties properties;

	PropertiesAlternatorConnectionDetails(AlternatorProperties properties) {
		this.properties = properties;
	}

	@Override
	public List<String> getSeeds() {
		return this.properties.getSeeds();
	}

	@Override
	public String getAccessKeyId() {
		return this.properties.getCredentials().getAccessKeyId();
	}

	@Override
	public String getSecretAccessKey() {
		return this.properties.getCredentials().getSecretAccessKey();
	}

	@Override
	public boolean isDiscoveryEnabled() {
		return this.properties.getDiscovery().isEnabled();
	}

}
