package dev.alternator.spring.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * {@link AlternatorConnectionDetails} from {@link AlternatorProperties}, with the SSL bundle resolved through
 * {@link SslBundles} as Spring Boot's {@code PropertiesCassandraConnectionDetails} does.
 */
class PropertiesAlternatorConnectionDetails implements AlternatorConnectionDetails {

	private final AlternatorProperties properties;

	private final ObjectProvider<SslBundles> sslBundles;

	PropertiesAlternatorConnectionDetails(AlternatorProperties properties, ObjectProvider<SslBundles> sslBundles) {
		this.properties = properties;
		this.sslBundles = sslBundles;
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

	@Override
	public String getDatacenter() {
		return this.properties.getDatacenter();
	}

	@Override
	public String getRack() {
		return this.properties.getRack();
	}

	@Override
	public String getScheme() {
		if (this.properties.getScheme() == null && this.properties.getSsl().isEnabled()) {
			return "https";
		}
		return this.properties.getScheme();
	}

	@Override
	public Integer getPort() {
		return this.properties.getPort();
	}

	@Override
	public SslBundle getSslBundle() {
		String name = this.properties.getSsl().getBundle();
		if (name == null || !this.properties.getSsl().isEnabled()) {
			return null;
		}
		SslBundles bundles = this.sslBundles.getIfAvailable();
		if (bundles == null) {
			throw new IllegalStateException("alternator.ssl.bundle=" + name + " needs Spring Boot's SSL bundles"
					+ " (SslAutoConfiguration), which are not in this context");
		}
		return bundles.getBundle(name);
	}

}
