package dev.alternator.spring.autoconfigure;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.testing.SharedCluster;
import dev.alternator.spring.autoconfigure.localcluster.AlternatorLocalClusterConnectionAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration after AOT processing ({@code spring-boot:process-aot}, native images): conditions are
 * evaluated at build time, so nothing that depends on {@code alternator.seeds} may be decided then. The generated
 * code is compiled and run on a fresh context with the seeds given only at run time.
 */
@CompileWithForkedClassLoader
class AlternatorAotTests {

	private static final LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).start();

	@RegisterExtension
	static final SharedCluster shared = SharedCluster.of(cluster);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AlternatorLocalClusterConnectionAutoConfiguration.class,
				AlternatorAutoConfiguration.class));

	@Test
	void seedsSetOnlyAtRunTimeAreHonouredAfterAotProcessing() {
		// Build time: no seeds (as in a CI build of a production image), local cluster on the classpath.
		this.runner.prepare((buildTimeContext) -> {
			TestGenerationContext generationContext = new TestGenerationContext(AlternatorAotTests.class);
			ClassName initializerName = new ApplicationContextAotGenerator().processAheadOfTime(
					(GenericApplicationContext) buildTimeContext.getSourceApplicationContext(), generationContext);
			generationContext.writeGeneratedContent();
			TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
				try (GenericApplicationContext runTimeContext = new GenericApplicationContext()) {
					@SuppressWarnings("unchecked")
					ApplicationContextInitializer<GenericApplicationContext> initializer = compiled
						.getInstance(ApplicationContextInitializer.class, initializerName.toString());
					initializer.initialize(runTimeContext);
					TestPropertyValues.of("alternator.seeds=" + cluster.seeds().get(0)).applyTo(runTimeContext);
					runTimeContext.refresh();
					assertThat(runTimeContext.getBeansOfType(LocalCluster.class)).isEmpty();
					assertThat(runTimeContext.getBean(AlternatorConnectionDetails.class).getSeeds())
						.containsExactly(cluster.seeds().get(0));
					cluster.resetCounters();
					runTimeContext.getBean(DynamoDbClient.class).listTables();
					assertThat(cluster.nodes()).anySatisfy((node) -> assertThat(node.requestCount()).isPositive());
					assertThat(runTimeContext.getBean(AlternatorLoadBalancer.class).state().liveNodes()).hasSize(2);
				}
			});
		});
	}

}
