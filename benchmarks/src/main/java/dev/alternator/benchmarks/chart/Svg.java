package dev.alternator.benchmarks.chart;

import java.util.Locale;

/**
 * An SVG document written as text, element by element. Coordinates are in pixels from the top left corner; numbers
 * are written with at most two decimals and a dot, whatever the default locale.
 */
final class Svg {

	static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

	private final StringBuilder out = new StringBuilder(16_384);

	Svg(int width, int height) {
		this.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" font-family=\"")
			.append(FONT)
			.append("\">\n");
		rect(0, 0, width, height, "#ffffff");
	}

	void rect(double x, double y, double width, double height, String fill) {
		this.out.append("<rect x=\"")
			.append(number(x))
			.append("\" y=\"")
			.append(number(y))
			.append("\" width=\"")
			.append(number(width))
			.append("\" height=\"")
			.append(number(height))
			.append("\" fill=\"")
			.append(fill)
			.append("\"/>\n");
	}

	void line(double x1, double y1, double x2, double y2, Stroke stroke) {
		this.out.append("<line x1=\"")
			.append(number(x1))
			.append("\" y1=\"")
			.append(number(y1))
			.append("\" x2=\"")
			.append(number(x2))
			.append("\" y2=\"")
			.append(number(y2))
			.append('"');
		stroke.appendTo(this.out);
		this.out.append("/>\n");
	}

	void polyline(double[] xs, double[] ys, Stroke stroke) {
		this.out.append("<polyline fill=\"none\" stroke-linejoin=\"round\" points=\"");
		for (int i = 0; i < xs.length; i++) {
			this.out.append((i > 0) ? " " : "").append(number(xs[i])).append(',').append(number(ys[i]));
		}
		this.out.append('"');
		stroke.appendTo(this.out);
		this.out.append("/>\n");
	}

	void circle(double x, double y, double radius, String fill) {
		this.out.append("<circle cx=\"")
			.append(number(x))
			.append("\" cy=\"")
			.append(number(y))
			.append("\" r=\"")
			.append(number(radius))
			.append("\" fill=\"")
			.append(fill)
			.append("\"/>\n");
	}

	void text(double x, double y, String text, Font font) {
		text(x, y, 0, text, font);
	}

	/**
	 * Text turned by the given angle around its anchor point, for example -90 for a y-axis label read bottom up.
	 */
	void text(double x, double y, double angle, String text, Font font) {
		this.out.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append('"');
		if (angle != 0) {
			this.out.append(" transform=\"rotate(")
				.append(number(angle))
				.append(' ')
				.append(number(x))
				.append(' ')
				.append(number(y))
				.append(")\"");
		}
		font.appendTo(this.out);
		this.out.append('>').append(escape(text)).append("</text>\n");
	}

	String finish() {
		return this.out.append("</svg>\n").toString();
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

	/**
	 * How a line is drawn: colour, width and an optional dash pattern such as {@code "6 4"}.
	 */
	record Stroke(String color, double width, String dash) {

		static Stroke solid(String color, double width) {
			return new Stroke(color, width, null);
		}

		static Stroke dashed(String color, double width) {
			return new Stroke(color, width, "6 4");
		}

		void appendTo(StringBuilder out) {
			out.append(" stroke=\"").append(this.color).append("\" stroke-width=\"").append(number(this.width)).append('"');
			if (this.dash != null) {
				out.append(" stroke-dasharray=\"").append(this.dash).append('"');
			}
		}

	}

	/**
	 * How text is drawn: size, weight, colour and which point of the text the coordinates give.
	 */
	record Font(double size, boolean bold, String color, Anchor anchor) {

		static Font of(double size, String color, Anchor anchor) {
			return new Font(size, false, color, anchor);
		}

		Font inBold() {
			return new Font(this.size, true, this.color, this.anchor);
		}

		void appendTo(StringBuilder out) {
			out.append(" font-size=\"").append(number(this.size)).append('"');
			if (this.bold) {
				out.append(" font-weight=\"bold\"");
			}
			out.append(" fill=\"").append(this.color).append('"');
			if (this.anchor != Anchor.START) {
				out.append(" text-anchor=\"").append((this.anchor == Anchor.MIDDLE) ? "middle" : "end").append('"');
			}
		}

	}

	/**
	 * The point of a text its coordinates give: its start, middle or end.
	 */
	enum Anchor {

		START, MIDDLE, END

	}

}
