package dev.alternator.client.internal.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A key manager that asks its source for the current key manager at every handshake, so that an HTTP client built
 * once presents a renewed client certificate without being rebuilt.
 */
public final class SwitchingKeyManager extends X509ExtendedKeyManager {

	private final Supplier<X509ExtendedKeyManager> source;

	/**
	 * @param source gives the key manager to use now; called at each handshake, so it must be cheap
	 */
	public SwitchingKeyManager(Supplier<X509ExtendedKeyManager> source) {
		this.source = source;
	}

	@Override
	public String[] getClientAliases(String keyType, Principal[] issuers) {
		return this.source.get().getClientAliases(keyType, issuers);
	}

	@Override
	public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
		return this.source.get().chooseClientAlias(keyType, issuers, socket);
	}

	@Override
	public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
		return this.source.get().chooseEngineClientAlias(keyType, issuers, engine);
	}

	@Override
	public String[] getServerAliases(String keyType, Principal[] issuers) {
		return this.source.get().getServerAliases(keyType, issuers);
	}

	@Override
	public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
		return this.source.get().chooseServerAlias(keyType, issuers, socket);
	}

	@Override
	public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
		return this.source.get().chooseEngineServerAlias(keyType, issuers, engine);
	}

	@Override
	public X509Certificate[] getCertificateChain(String alias) {
		return this.source.get().getCertificateChain(alias);
	}

	@Override
	public PrivateKey getPrivateKey(String alias) {
		return this.source.get().getPrivateKey(alias);
	}

}
