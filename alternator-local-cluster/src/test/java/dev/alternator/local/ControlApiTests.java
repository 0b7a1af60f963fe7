package dev.alternator.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.alternator.testing.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The control API driven with plain HTTP, as a test in another language would.
 */
class ControlApiTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void nodesAreListedKilledRestartedAddedAndRemoved() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).port(0).start();
				ControlApi control = ControlApi.start(cluster, cluster.node(0).address(), 0)) {
			URI base = control.endpoint();
			assertThat(base.getHost()).isEqualTo("127.0.0.1");
			assertThat(base.getPort()).isNotEqualTo(cluster.port());

			HttpResponse<String> list = send("GET", base.resolve("/nodes"));
			assertThat(list.statusCode()).isEqualTo(200);
			assertThat(list.body()).contains("\"address\":\"127.0.0.1\"", "\"address\":\"127.0.0.2\"",
					"\"state\":\"RUNNING\"");

			HttpResponse<String> killed = send("POST", base.resolve("/nodes/127.0.0.2/kill"));
			assertThat(killed.body()).contains("\"state\":\"KILLED\"");
			assertThat(cluster.node(1).state()).isEqualTo(NodeState.KILLED);
			assertThatThrownBy(() -> RawHttp.get(cluster.node(1).endpoint())).isInstanceOf(RuntimeException.class);

			send("POST", base.resolve("/nodes/127.0.0.2/restart"));
			assertThat(RawHttp.get(cluster.node(1).endpoint()).status()).isEqualTo(200);

			send("POST", base.resolve("/nodes/127.0.0.2/hang"));
			assertThat(cluster.node(1).state()).isEqualTo(NodeState.HUNG);
			send("POST", base.resolve("/nodes/127.0.0.2/restart"));

			HttpResponse<String> joining = send("POST", base.resolve("/nodes/127.0.0.2/joining?seconds=60"));
			assertThat(joining.body()).contains("\"state\":\"JOINING\"");
			assertThat(RawHttp.get(cluster.node(1).endpoint()).status()).isEqualTo(503);

			HttpResponse<String> added = send("POST", base.resolve("/nodes?dc=dc2&rack=rack9"));
			assertThat(added.statusCode()).isEqualTo(200);
			assertThat(added.body()).contains("\"datacenter\":\"dc2\"", "\"rack\":\"rack9\"");
			assertThat(cluster.nodes()).hasSize(3);
			LocalNode third = cluster.node(2);
			assertThat(RawHttp.get(third.endpoint()).status()).isEqualTo(200);

			HttpResponse<String> removed = send("DELETE", base.resolve("/nodes/" + third.address()));
			assertThat(removed.statusCode()).isEqualTo(200);
			assertThat(cluster.nodes()).hasSize(2);
		}
	}

	@Test
	void mistakesGetClientErrorsThatSayWhatIsWrong() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 1).port(0).start();
				ControlApi control = ControlApi.start(cluster, cluster.node(0).address(), 0)) {
			URI base = control.endpoint();
			HttpResponse<String> unknownNode = send("POST", base.resolve("/nodes/127.0.0.99/kill"));
			assertThat(unknownNode.statusCode()).isEqualTo(404);
			assertThat(unknownNode.body()).contains("\"error\"");
			assertThat(send("POST", base.resolve("/nodes/127.0.0.1/explode")).statusCode()).isEqualTo(404);
			assertThat(send("GET", base.resolve("/nodes/127.0.0.1/kill")).statusCode()).isEqualTo(405);
			assertThat(send("POST", base.resolve("/nodes?address=8.8.8.8")).statusCode()).isEqualTo(400);
			assertThat(send("POST", base.resolve("/nodes/127.0.0.1/joining?seconds=soon")).statusCode())
				.isEqualTo(400);
			assertThat(cluster.node(0).state()).isEqualTo(NodeState.RUNNING);
		}
	}

	@Test
	void controlApiListensOnLoopbackOnly() {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 1).port(0).start()) {
			assertThatThrownBy(() -> ControlApi.start(cluster, "0.0.0.0", 0))
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	private HttpResponse<String> send(String method, URI uri) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
