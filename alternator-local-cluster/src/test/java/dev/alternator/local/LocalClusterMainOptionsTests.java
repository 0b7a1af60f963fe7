package dev.alternator.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Command-line options of {@link LocalClusterMain}.
 */
class LocalClusterMainOptionsTests {

	@Test
	void optionsAreParsed() {
		LocalClusterMain.Options options = LocalClusterMain.Options
			.parse(new String[] { "--nodes", "5", "--datacenters", "dc1,dc2", "--racks", "r1", "--port", "0",
					"--legacy-localnodes", "--tls", "--ttl-period", "7" });
		assertThat(options.nodes).isEqualTo(5);
		assertThat(options.datacenters).containsExactly("dc1", "dc2");
		assertThat(options.racks).containsExactly("r1");
		assertThat(options.port).isZero();
		assertThat(options.legacyLocalNodes).isTrue();
		assertThat(options.tls).isTrue();
		assertThat(options.ttlPeriodSeconds).isEqualTo(7);
	}

	@Test
	void dataDirectoryIsParsedAndOffByDefault() {
		assertThat(LocalClusterMain.Options.parse(new String[] { "--data-dir", "target/data" }).dataDirectory)
			.isEqualTo(java.nio.file.Path.of("target/data"));
		assertThat(LocalClusterMain.Options.parse(new String[0]).dataDirectory).isNull();
		assertThatThrownBy(() -> LocalClusterMain.Options.parse(new String[] { "--data-dir" }))
			.hasMessage("--data-dir needs a value");
	}

	@Test
	void defaultsAreThreeNodesOnPort8000() {
		LocalClusterMain.Options options = LocalClusterMain.Options.parse(new String[0]);
		assertThat(options.nodes).isEqualTo(3);
		assertThat(options.port).isEqualTo(8000);
		assertThat(options.ttlPeriodSeconds).isEqualTo(2);
	}

	@Test
	void badValuesAreNamed() {
		assertThatThrownBy(() -> LocalClusterMain.Options.parse(new String[] { "--nodes", "many" }))
			.hasMessage("--nodes must be a number from 1 to 64, was 'many'");
		assertThatThrownBy(() -> LocalClusterMain.Options.parse(new String[] { "--bogus" }))
			.hasMessage("Unknown option '--bogus'");
		assertThatThrownBy(() -> LocalClusterMain.Options.parse(new String[] { "--port" }))
			.hasMessage("--port needs a value");
		assertThatThrownBy(() -> LocalClusterMain.Options.parse(new String[] { "--ttl-period", "0" }))
			.hasMessage("--ttl-period must be a number from 1 to 86400, was '0'");
	}

	@Test
	void credentialsControlPortAndHelpAreParsed() {
		LocalClusterMain.Options options = LocalClusterMain.Options
			.parse(new String[] { "--credentials", "key:se:cret", "--control-port", "9000", "--help" });
		assertThat(options.accessKeyId).isEqualTo("key");
		assertThat(options.secretAccessKey).isEqualTo("se:cret");
		assertThat(options.controlPort).isEqualTo(9000);
		assertThat(options.help).isTrue();
		assertThat(LocalClusterMain.Options.parse(new String[0]).controlPort).as("off by default").isNegative();
		assertThat(LocalClusterMain.Options.USAGE).contains("--credentials KEY:SECRET").contains("--control-port P")
			.contains("--ttl-period SECONDS")
			.contains("--data-dir DIR");
		assertThatThrownBy(() -> LocalClusterMain.Options.parse(new String[] { "--credentials", "nocolon" }))
			.hasMessageContaining("KEY:SECRET");
	}

}
