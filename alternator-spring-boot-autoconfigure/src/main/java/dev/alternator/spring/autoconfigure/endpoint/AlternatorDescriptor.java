package dev.alternator.spring.autoconfigure.endpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.alternator.client.KeyRouteAffinity;
import dev.alternator.client.RackDatacenterSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * What {@code GET /actuator/alternator} answers: the nodes of the active scope with their state, the scopes, and what
 * discovery last found. The component names are the JSON names and do not change between releases; a component
 * that is {@code null} (not known yet) is left out of the JSON. Holds no credentials.
 *
 * @param nodes every node of the active scope: the live ones first, in routing order, then the quarantined ones
 * @param configuredScope the scope as configured, with its fallbacks, for example
 * {@code rack dc1/rack1 -> datacenter dc1 -> cluster}
 * @param activeScope the scope requests go to now, for example {@code datacenter dc1}
 * @param fallbackInUse whether the active scope is a fallback rather than the configured scope
 * @param rackDatacenterSupport whether the cluster's {@code /localnodes} honours the {@code dc} and {@code rack}
 * parameters
 * @param datacenterKnown whether the configured datacenter has nodes; {@code null} when none is configured or not
 * checked yet
 * @param rackKnown whether the configured rack has nodes; {@code null} when none is configured or not checked yet
 * @param keyRouteAffinity which writes are routed by their partition key
 * @param partitionKeys the partition-key attribute of each table known to key-route affinity, by table name
 * @param lastRefresh when discovery last got a good answer (ISO-8601); {@code null} before the first one
 * @param lastError the last discovery problem; {@code null} when the last discovery succeeded
 */
public record AlternatorDescriptor(List<Node> nodes, String configuredScope, String activeScope,
		boolean fallbackInUse, RackDatacenterSupport rackDatacenterSupport, @Nullable Boolean datacenterKnown,
		@Nullable Boolean rackKnown, KeyRouteAffinity keyRouteAffinity, Map<String, String> partitionKeys,
		@Nullable String lastRefresh, @Nullable String lastError) implements OperationResponseBody {

	/**
	 * Creates a descriptor; the list and map are copied.
	 */
	public AlternatorDescriptor {
		nodes = List.copyOf(nodes);
		partitionKeys = Collections.unmodifiableMap(new LinkedHashMap<>(partitionKeys));
	}

	/**
	 * One node of the active scope.
	 *
	 * @param address the node's base URL, for example {@code http://10.0.0.1:8000}
	 * @param state {@value #LIVE} when it takes requests, {@value #QUARANTINED} when it was taken out of rotation
	 * after a failure and waits for a successful health probe
	 */
	public record Node(String address, String state) {

		/** The state of a node that takes requests. */
		public static final String LIVE = "live";

		/** The state of a node out of rotation, waiting for a successful health probe. */
		public static final String QUARANTINED = "quarantined";

	}

}
