package dev.alternator.client.internal.sdk;

import java.util.concurrent.atomic.AtomicReference;

import dev.alternator.client.AsyncHttpClientType;
import dev.alternator.client.HttpClientType;
import dev.alternator.client.internal.config.DefaultBuilder;
import dev.alternator.client.internal.config.LoadBalancerSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Choosing CRT without its jar fails with a message naming the artifact; a class loader that hides the jar stands
 * for an application that did not add it.
 */
class CrtSupportTests {

	private final ClassLoader withoutCrt = new ClassLoader(CrtSupportTests.class.getClassLoader()) {
		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.startsWith("software.amazon.awssdk.http.crt.")) {
				throw new ClassNotFoundException(name);
			}
			return super.loadClass(name, resolve);
		}
	};

	@Test
	void crtWithoutItsJarFailsNamingTheArtifact() {
		assertThat(CrtSupport.available(this.withoutCrt)).isFalse();
		assertThatThrownBy(() -> CrtSupport.check(settings(HttpClientType.CRT, AsyncHttpClientType.NETTY),
				this.withoutCrt, false, false))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("software.amazon.awssdk:aws-crt-client");
		assertThatThrownBy(() -> CrtSupport.check(settings(HttpClientType.APACHE, AsyncHttpClientType.CRT),
				this.withoutCrt, false, false))
			.hasMessageContaining("software.amazon.awssdk:aws-crt-client");
	}

	@Test
	void defaultsNeedNoCrt() {
		assertThatCode(() -> CrtSupport.check(settings(HttpClientType.APACHE, AsyncHttpClientType.NETTY),
				this.withoutCrt, true, true))
			.doesNotThrowAnyException();
	}

	@Test
	void crtOnTheClassPathTakesItsSettingsButNoCustomTrustOrClientCertificate() {
		ClassLoader loader = CrtSupportTests.class.getClassLoader();
		LoadBalancerSettings settings = settings(HttpClientType.CRT, AsyncHttpClientType.CRT);
		assertThat(CrtSupport.available(loader)).isTrue();
		assertThatCode(() -> CrtSupport.check(settings, loader, false, false)).doesNotThrowAnyException();
		assertThatThrownBy(() -> CrtSupport.check(settings, loader, true, false)).hasMessageContaining("trust store");
		assertThatThrownBy(() -> CrtSupport.check(settings, loader, false, true))
			.hasMessageContaining("client certificate");
	}

	private static LoadBalancerSettings settings(HttpClientType sync, AsyncHttpClientType async) {
		AtomicReference<LoadBalancerSettings> built = new AtomicReference<>();
		new DefaultBuilder((settings) -> {
			built.set(settings);
			return null;
		}).seeds("127.0.0.1").httpClientType(sync).asyncHttpClientType(async).build();
		return built.get();
	}

}
