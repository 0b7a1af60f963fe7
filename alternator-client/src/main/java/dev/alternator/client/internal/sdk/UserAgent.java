package dev.alternator.client.internal.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * This library's part of the User-Agent header, {@code alternator-client/<version>}, then the application's suffix:
 * what operators see of a client in Alternator (its {@code system.clients} table and logs). The version comes from a
 * resource filled in by the build; the jar manifest's {@code Implementation-Version} is the fallback.
 */
public final class UserAgent {

	/** The product token, as in {@code alternator-client/1.0.0}. */
	public static final String PRODUCT = "alternator-client";

	private static final String RESOURCE = "alternator-client.properties";

	/** Used only when neither the build resource nor the manifest gives a version (classes run unpackaged by an IDE). */
	static final String DEVELOPMENT_VERSION = "dev";

	private static final String VERSION = readVersion();

	private UserAgent() {
	}

	/**
	 * This library's version.
	 */
	public static String libraryVersion() {
		return VERSION;
	}

	/**
	 * The User-Agent part the load balancer adds to every request: {@code alternator-client/<version>}, then the
	 * suffix if any.
	 * @param suffix the application's words, or {@code null}
	 */
	public static String of(String suffix) {
		String product = PRODUCT + "/" + VERSION;
		return (suffix != null && !suffix.isBlank()) ? product + " " + suffix.strip() : product;
	}

	/**
	 * Whether a suffix can go into an HTTP header as it is: printable ASCII (a line break would let it add headers).
	 */
	public static boolean isValidSuffix(String suffix) {
		for (int i = 0; i < suffix.length(); i++) {
			char c = suffix.charAt(i);
			if (c < 0x20 || c > 0x7e) {
				return false;
			}
		}
		return true;
	}

	private static String readVersion() {
		try (InputStream in = UserAgent.class.getResourceAsStream(RESOURCE)) {
			if (in != null) {
				Properties properties = new Properties();
				properties.load(in);
				String version = properties.getProperty("version");
				// An unfiltered resource (the build did not run) still says ${project.version}.
				if (version != null && !version.isBlank() && !version.contains("${")) {
					return version.strip();
				}
			}
		}
		catch (IOException ex) {
			// Fall back to the manifest.
		}
		String manifest = UserAgent.class.getPackage().getImplementationVersion();
		return (manifest != null) ? manifest : DEVELOPMENT_VERSION;
	}

}
