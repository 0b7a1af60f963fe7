package dev.alternator.sample.demo;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.sample.ProductTable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The failover demo's background load, only with {@code demo.load.enabled=true}: a production instance must not send
 * itself traffic. The page and its status endpoint are always there; they show an idle load without it.
 */
@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

	@Bean
	@ConditionalOnBooleanProperty("demo.load.enabled")
	DemoLoad demoLoad(ProductTable table, AlternatorLoadBalancer loadBalancer,
			@Value("${demo.load.requests-per-second:200}") int requestsPerSecond) {
		return new DemoLoad(table, loadBalancer, requestsPerSecond);
	}

}
