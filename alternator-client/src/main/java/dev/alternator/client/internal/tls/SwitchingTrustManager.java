package dev.alternator.client.internal.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager that asks its source for the current trust manager at every handshake (renewed CA certificates
 * take effect without rebuilding the HTTP client), and that can leave out the host-name check. The check is left out
 * by verifying the chain without the socket or engine, which is what carries the peer's name; the chain itself is
 * always verified.
 */
public final class SwitchingTrustManager extends X509ExtendedTrustManager {

	private final Supplier<X509ExtendedTrustManager> source;

	private final boolean verifyHostname;

	/**
	 * @param source gives the trust manager to use now; called at each handshake, so it must be cheap
	 * @param verifyHostname whether the node's certificate must name the host connected to
	 */
	public SwitchingTrustManager(Supplier<X509ExtendedTrustManager> source, boolean verifyHostname) {
		this.source = source;
		this.verifyHostname = verifyHostname;
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		if (this.verifyHostname) {
			this.source.get().checkServerTrusted(chain, authType, socket);
		}
		else {
			this.source.get().checkServerTrusted(chain, authType);
		}
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		if (this.verifyHostname) {
			this.source.get().checkServerTrusted(chain, authType, engine);
		}
		else {
			this.source.get().checkServerTrusted(chain, authType);
		}
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		this.source.get().checkServerTrusted(chain, authType);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		this.source.get().checkClientTrusted(chain, authType, socket);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		this.source.get().checkClientTrusted(chain, authType, engine);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		this.source.get().checkClientTrusted(chain, authType);
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return this.source.get().getAcceptedIssuers();
	}

}
