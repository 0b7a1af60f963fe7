package dev.alternator.local.engine.expression;

import dev.alternator.local.engine.ApiException;

/**
 * Splits an expression into tokens, one at a time, as DynamoDB's lexer does: a bare name starts with a letter
 * and goes on with letters, digits and underscores; {@code #name} and {@code :value} references go on with the
 * same characters after their sign; numbers (list indexes) are digits.
 */
final class ExpressionLexer {

	enum Type {

		NAME, NAME_REF, VALUE_REF, NUMBER, EQ, NE, LT, LE, GT, GE, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT,
		PLUS, MINUS, EOF

	}

	private final String text;

	private final ExpressionKind kind;

	private int position;

	/** The current token. */
	Type type;

	/** Where the current token starts and ends in the text. */
	int start;

	int end;

	/** Where the previous token started, for the "near" part of syntax errors. */
	private int previousStart;

	ExpressionLexer(String text, ExpressionKind kind) {
		this.text = text;
		this.kind = kind;
		next();
	}

	static boolean isWordChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
	}

	private static boolean isLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	/** The text of the current token. */
	String text() {
		return this.text.substring(this.start, this.end);
	}

	/** Whether the current token is the given keyword, in any case. */
	boolean isKeyword(String keyword) {
		return this.type == Type.NAME && this.end - this.start == keyword.length()
				&& this.text.regionMatches(true, this.start, keyword, 0, keyword.length());
	}

	/** Whether the next non-blank character after the current token is the given one. */
	boolean nextCharIs(char c) {
		int i = this.end;
		while (i < this.text.length() && Character.isWhitespace(this.text.charAt(i))) {
			i++;
		}
		return i < this.text.length() && this.text.charAt(i) == c;
	}

	/** Moves to the next token. */
	void next() {
		this.previousStart = this.start;
		String s = this.text;
		int n = s.length();
		int i = this.position;
		while (i < n && Character.isWhitespace(s.charAt(i))) {
			i++;
		}
		this.start = i;
		if (i >= n) {
			this.type = Type.EOF;
			this.end = i;
			this.position = i;
			return;
		}
		char c = s.charAt(i);
		Type t;
		int e = i + 1;
		switch (c) {
			case '=':
				t = Type.EQ;
				break;
			case '<':
				if (e < n && s.charAt(e) == '>') {
					t = Type.NE;
					e++;
				}
				else if (e < n && s.charAt(e) == '=') {
					t = Type.LE;
					e++;
				}
				else {
					t = Type.LT;
				}
				break;
			case '>':
				if (e < n && s.charAt(e) == '=') {
					t = Type.GE;
					e++;
				}
				else {
					t = Type.GT;
				}
				break;
			case '(':
				t = Type.LPAREN;
				break;
			case ')':
				t = Type.RPAREN;
				break;
			case '[':
				t = Type.LBRACKET;
				break;
			case ']':
				t = Type.RBRACKET;
				break;
			case ',':
				t = Type.COMMA;
				break;
			case '.':
				t = Type.DOT;
				break;
			case '+':
				t = Type.PLUS;
				break;
			case '-':
				t = Type.MINUS;
				break;
			case '#':
			case ':':
				while (e < n && isWordChar(s.charAt(e))) {
					e++;
				}
				if (e == i + 1) {
					this.end = e;
					throw syntaxError();
				}
				t = (c == '#') ? Type.NAME_REF : Type.VALUE_REF;
				break;
			default:
				if (isLetter(c)) {
					while (e < n && isWordChar(s.charAt(e))) {
						e++;
					}
					t = Type.NAME;
				}
				else if (c >= '0' && c <= '9') {
					while (e < n && s.charAt(e) >= '0' && s.charAt(e) <= '9') {
						e++;
					}
					t = Type.NUMBER;
				}
				else {
					this.end = e;
					throw syntaxError();
				}
		}
		this.type = t;
		this.end = e;
		this.position = e;
	}

	/** A syntax error at the current token, worded as DynamoDB words it. */
	ApiException syntaxError() {
		String token = (this.type == Type.EOF && this.start >= this.text.length()) ? "<EOF>" : text();
		int nearEnd = Math.min(this.text.length(), nextTokenEnd(this.end));
		String near = this.text.substring(Math.min(this.previousStart, this.start), nearEnd);
		return ApiException.validation(this.kind.invalid() + "Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
	}

	private int nextTokenEnd(int from) {
		int n = this.text.length();
		int i = from;
		while (i < n && Character.isWhitespace(this.text.charAt(i))) {
			i++;
		}
		if (i < n && (this.text.charAt(i) == '#' || this.text.charAt(i) == ':')) {
			i++;
		}
		if (i < n && isWordChar(this.text.charAt(i))) {
			while (i < n && isWordChar(this.text.charAt(i))) {
				i++;
			}
			return i;
		}
		return Math.min(n, i + 1);
	}

}
