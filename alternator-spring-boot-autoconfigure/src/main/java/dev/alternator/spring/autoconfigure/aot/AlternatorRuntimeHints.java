package dev.alternator.spring.autoconfigure.aot;

import dev.alternator.client.AsyncHttpClientType;
import dev.alternator.client.Compression;
import dev.alternator.client.HttpClientType;
import dev.alternator.client.KeyRouteAffinity;
import dev.alternator.spring.autoconfigure.endpoint.AlternatorDescriptor;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * Runtime hints for a native image of an application that uses the starter: what is reached by reflection rather than
 * by code that AOT processing can follow. Registered in {@code META-INF/spring/aot.factories}.
 * <ul>
 * <li>{@link KeyRouteAffinity}, bound from {@code alternator.key-route-affinity.mode}: the binder turns the text into
 * a constant through the enum's {@code values()}; {@link Compression} likewise, from
 * {@code alternator.compression.request.algorithm}; {@link HttpClientType} and {@link AsyncHttpClientType} from
 * {@code alternator.http.client} and {@code alternator.http.async-client}.</li>
 * <li>{@link AlternatorDescriptor} and its nested records, written to JSON by Jackson for
 * {@code /actuator/alternator}.</li>
 * <li>Netty's {@code NettyNioAsyncHttpClient}, which the client looks up by name ({@code Class.forName}) to decide
 * whether an asynchronous client can be built; registered only when it is on the classpath, so that an image without
 * Netty still answers "not available"; the AWS CRT client likewise.</li>
 * </ul>
 * The AWS SDK ships its own native-image configuration (its execution interceptors, loaded by name from the
 * classpath); Spring Framework covers the entries of {@code META-INF/spring.factories} (the failure analyzer and the
 * Testcontainers connection details factory), and Spring Boot the {@code @ConfigurationProperties} binding.
 */
public class AlternatorRuntimeHints implements RuntimeHintsRegistrar {

	static final String NETTY_CLIENT = "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient";

	static final String CRT_CLIENT = "software.amazon.awssdk.http.crt.AwsCrtHttpClient";

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		hints.reflection().registerType(KeyRouteAffinity.class, MemberCategory.INVOKE_PUBLIC_METHODS);
		// Bound from alternator.compression.request.algorithm, as the mode above.
		hints.reflection().registerType(Compression.class, MemberCategory.INVOKE_PUBLIC_METHODS);
		hints.reflection().registerTypeIfPresent(classLoader, NETTY_CLIENT);
		// Bound from alternator.http.client / async-client; the CRT client is looked up by name like Netty.
		hints.reflection().registerType(HttpClientType.class, MemberCategory.INVOKE_PUBLIC_METHODS);
		hints.reflection().registerType(AsyncHttpClientType.class, MemberCategory.INVOKE_PUBLIC_METHODS);
		hints.reflection().registerTypeIfPresent(classLoader, CRT_CLIENT);
		if (ClassUtils.isPresent("org.springframework.boot.actuate.endpoint.annotation.Endpoint", classLoader)) {
			new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
					AlternatorDescriptor.class);
		}
	}

}
