package dev.alternator.spring.autoconfigure.aot;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import dev.alternator.client.AsyncHttpClientType;
import dev.alternator.client.Compression;
import dev.alternator.client.HttpClientType;
import dev.alternator.client.KeyRouteAffinity;
import dev.alternator.spring.autoconfigure.AlternatorAutoConfiguration;
import dev.alternator.spring.autoconfigure.endpoint.AlternatorDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime hints, and the build-time metadata that lets Spring Boot filter the auto-configurations.
 */
class AlternatorRuntimeHintsTests {

	@Test
	void hintsCoverWhatIsReachedByReflection() {
		RuntimeHints hints = new RuntimeHints();
		new AlternatorRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(KeyRouteAffinity.class, "values"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Compression.class, "values"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(HttpClientType.class, "values"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AsyncHttpClientType.class, "values"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(AlternatorDescriptor.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(AlternatorDescriptor.Node.class)).accepts(hints);
	}

	@Test
	void theNettyClientLookedUpByNameIsRegisteredWhenPresent() {
		RuntimeHints hints = new RuntimeHints();
		new AlternatorRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(AlternatorRuntimeHints.NETTY_CLIENT)))
			.accepts(hints);
	}

	@Test
	void withoutNettyNoNettyTypeIsRegistered() {
		RuntimeHints hints = new RuntimeHints();
		new AlternatorRuntimeHints().registerHints(hints,
				new FilteredClassLoader("software.amazon.awssdk.http.nio.netty"));
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(AlternatorRuntimeHints.NETTY_CLIENT)))
			.rejects(hints);
	}

	@Test
	void theCrtClientLookedUpByNameIsRegisteredOnlyWhenPresent() {
		RuntimeHints present = new RuntimeHints();
		new AlternatorRuntimeHints().registerHints(present, getClass().getClassLoader());
		RuntimeHints absent = new RuntimeHints();
		new AlternatorRuntimeHints().registerHints(absent, new FilteredClassLoader("software.amazon.awssdk.http.crt"));
		TypeReference crt = TypeReference.of(AlternatorRuntimeHints.CRT_CLIENT);
		assertThat(RuntimeHintsPredicates.reflection().onType(crt)).accepts(present);
		assertThat(RuntimeHintsPredicates.reflection().onType(crt)).rejects(absent);
	}

	@Test
	void theRegistrarIsListedInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(AlternatorRuntimeHints.class::isInstance);
	}

	@Test
	void autoConfigurationMetadataIsGeneratedForEagerFiltering() throws IOException {
		Properties metadata = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-autoconfigure-metadata.properties")) {
			assertThat(in).isNotNull();
			metadata.load(in);
		}
		assertThat(metadata.getProperty(AlternatorAutoConfiguration.class.getName() + ".ConditionalOnClass"))
			.contains("software.amazon.awssdk.services.dynamodb.DynamoDbClient");
	}

}
