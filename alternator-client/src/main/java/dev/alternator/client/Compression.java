package dev.alternator.client;

/**
 * A content coding of HTTP bodies that Alternator understands in requests and answers (RFC 9110): {@code gzip} and
 * {@code deflate} (the zlib format).
 */
public enum Compression {

	/** No compression. */
	NONE(null),

	/** {@code Content-Encoding: gzip}. */
	GZIP("gzip"),

	/** {@code Content-Encoding: deflate}: zlib-wrapped deflate data, as RFC 9110 defines it. */
	DEFLATE("deflate");

	private final String contentEncoding;

	Compression(String contentEncoding) {
		this.contentEncoding = contentEncoding;
	}

	/**
	 * The {@code Content-Encoding} token of this compression.
	 * @return the token, {@code null} for {@link #NONE}
	 */
	public String contentEncoding() {
		return this.contentEncoding;
	}

}
