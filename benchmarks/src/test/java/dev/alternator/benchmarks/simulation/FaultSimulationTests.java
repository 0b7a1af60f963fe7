package dev.alternator.benchmarks.simulation;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The randomised fault simulation's short, fixed set of seeds, run in CI (see {@link SimulationRun} for the
 * invariant, {@link FaultSimulation} for the long runner). The seeds were chosen to cover cluster, datacenter and
 * rack scope, one to three nodes per rack, IPv4 and IPv6 loopback, and one seed or all nodes as seeds.
 */
class FaultSimulationTests {

	/** Each schedule's length: six seeds take well under a minute on two cores. */
	private static final long DURATION_MILLIS = 3_000;

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { CiSeeds.S1, CiSeeds.S2, CiSeeds.S3, CiSeeds.S4, CiSeeds.S5, CiSeeds.S6 })
	void noCallFailsWhileANodeOfTheChainAnswers(long seed) throws InterruptedException {
		SimulationResult result = SimulationRun.run(seed, DURATION_MILLIS);
		assertThat(result.calls()).as("calls made").isGreaterThan(0);
		assertThat(result.violations())
			.as("%s%nschedule: %s%nreplay: %s", result.summary(), result.schedule(),
					result.replayCommand(DURATION_MILLIS))
			.isEmpty();
	}

	@Test
	void ciSeedsCoverEveryScopeAndBothAddressFamilies() {
		List<SimulationLayout> layouts = List.of(CiSeeds.S1, CiSeeds.S2, CiSeeds.S3, CiSeeds.S4, CiSeeds.S5, CiSeeds.S6)
			.stream()
			.map((seed) -> SimulationLayout.draw(new Random(seed)))
			.toList();
		assertThat(layouts).extracting(SimulationLayout::scope)
			.contains(SimulationLayout.Scope.values());
		assertThat(layouts).extracting(SimulationLayout::ipv6).contains(true, false);
		assertThat(layouts).extracting(SimulationLayout::nodesPerRack).contains(1, 2, 3);
	}

	@Test
	void aSeedReplaysTheSameLayoutAndSchedule() {
		Random first = new Random(42);
		Random second = new Random(42);
		assertThat(SimulationLayout.draw(first)).isEqualTo(SimulationLayout.draw(second));
		assertThat(FaultSchedule.draw(first, 5, 3_000).steps()).isEqualTo(FaultSchedule.draw(second, 5, 3_000).steps());
	}

	@Test
	void theModelExcusesOnlyCallsWithoutANodeAnsweringThroughout() {
		AnsweringModel model = new AnsweringModel(2, 0);
		model.down(0, 100);
		model.down(1, 200);
		model.up(1, 300);
		assertThat(model.answeringThroughout(0, 90)).isEqualTo(0);
		assertThat(model.answeringThroughout(50, 150)).isEqualTo(1);
		assertThat(model.answeringThroughout(150, 250)).isEqualTo(-1);
		assertThat(model.answeringThroughout(250, 400)).isEqualTo(-1);
		assertThat(model.answeringThroughout(300, 400)).isEqualTo(1);
	}

	/**
	 * The CI seeds.
	 */
	static final class CiSeeds {

		static final long S1 = 1;

		static final long S2 = 2;

		static final long S3 = 3;

		static final long S4 = 4;

		static final long S5 = 5;

		static final long S6 = 6;

		private CiSeeds() {
		}

	}

}
