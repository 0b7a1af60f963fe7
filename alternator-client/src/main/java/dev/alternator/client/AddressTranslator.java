package dev.alternator.client;

/**
 * Maps a node as {@code /localnodes} reports it to the node the client should connect to: for nodes behind NAT, in
 * containers, or behind port mappings.
 */
@FunctionalInterface
public interface AddressTranslator {

	/**
	 * Translates one node.
	 * @param reported the node built from the reported address with the configured scheme and port
	 * @return the node to connect to; {@code reported} itself when no translation applies
	 */
	AlternatorNode translate(AlternatorNode reported);

	/**
	 * The translator that changes nothing.
	 * @return the identity translator
	 */
	static AddressTranslator identity() {
		return (reported) -> reported;
	}

}
