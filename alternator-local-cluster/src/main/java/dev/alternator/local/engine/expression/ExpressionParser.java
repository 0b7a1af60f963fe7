package dev.alternator.local.engine.expression;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.expression.Conditions.Comparator;
import dev.alternator.local.engine.expression.ExpressionLexer.Type;
import dev.alternator.local.engine.value.AttributeType;
import dev.alternator.local.engine.value.AttributeValue;
import dev.alternator.local.engine.value.StringValue;

/**
 * The recursive-descent parser of all five expression kinds. One parser instance reads one expression.
 */
final class ExpressionParser {

	/** DynamoDB's limit on the length of an expression. */
	static final int MAX_LENGTH = 4096;

	/** DynamoDB's limit on the nesting of a document path. */
	static final int MAX_PATH_DEPTH = 32;

	private static final Set<String> RESERVED = loadReservedWords();

	private static final Set<String> CONDITION_FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists",
			"attribute_type", "begins_with", "contains");

	private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");

	private final ExpressionLexer lexer;

	private final ExpressionAttributes attributes;

	private final ExpressionKind kind;

	private ExpressionParser(String text, ExpressionAttributes attributes, ExpressionKind kind) {
		if (text.isBlank()) {
			throw ApiException.validation(kind.invalid() + "The expression can not be empty;");
		}
		if (text.length() > MAX_LENGTH) {
			throw ApiException.validation(kind.invalid()
					+ "Expression size has exceeded the maximum allowed size; expression size: " + text.length());
		}
		this.lexer = new ExpressionLexer(text, kind);
		this.attributes = attributes;
		this.kind = kind;
	}

	private static Set<String> loadReservedWords() {
		Set<String> words = new HashSet<>(1024);
		try (InputStream in = ExpressionParser.class.getResourceAsStream("reserved-words.txt")) {
			if (in == null) {
				throw new IllegalStateException("reserved-words.txt is missing from the class path");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					words.add(line.trim());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

	static boolean isReserved(String word) {
		return RESERVED.contains(word.toUpperCase(Locale.ROOT));
	}

	// ---- entry points

	static Condition condition(String text, ExpressionAttributes attributes, ExpressionKind kind) {
		ExpressionParser parser = new ExpressionParser(text, attributes, kind);
		Condition condition = parser.parseOr();
		parser.expect(Type.EOF);
		return condition;
	}

	static List<UpdateAction> update(String text, ExpressionAttributes attributes) {
		ExpressionParser parser = new ExpressionParser(text, attributes, ExpressionKind.UPDATE);
		List<UpdateAction> actions = parser.parseUpdate();
		checkPaths(actions.stream().map(UpdateAction::path).toList(), ExpressionKind.UPDATE);
		return actions;
	}

	static List<DocumentPath> projection(String text, ExpressionAttributes attributes) {
		ExpressionParser parser = new ExpressionParser(text, attributes, ExpressionKind.PROJECTION);
		List<DocumentPath> paths = new ArrayList<>();
		do {
			paths.add(parser.parsePath());
		}
		while (parser.accept(Type.COMMA));
		parser.expect(Type.EOF);
		checkPaths(paths, ExpressionKind.PROJECTION);
		return paths;
	}

	/**
	 * Rejects two paths where one is the other or its prefix ("overlap") or where they part ways with a name on
	 * one side and an index on the other ("conflict").
	 */
	static void checkPaths(List<DocumentPath> paths, ExpressionKind kind) {
		for (int i = 1; i < paths.size(); i++) {
			DocumentPath two = paths.get(i);
			for (int j = 0; j < i; j++) {
				DocumentPath one = paths.get(j);
				if (one.overlaps(two)) {
					throw ApiException.validation(kind.invalid()
							+ "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
							+ one.describe() + ", path two: " + two.describe());
				}
				if (one.conflicts(two)) {
					throw ApiException.validation(kind.invalid()
							+ "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: "
							+ one.describe() + ", path two: " + two.describe());
				}
			}
		}
	}

	// ---- conditions

	private Condition parseOr() {
		Condition left = parseAnd();
		while (this.lexer.isKeyword("OR")) {
			this.lexer.next();
			left = new Conditions.Or(left, parseAnd());
		}
		return left;
	}

	private Condition parseAnd() {
		Condition left = parseNot();
		while (this.lexer.isKeyword("AND")) {
			this.lexer.next();
			left = new Conditions.And(left, parseNot());
		}
		return left;
	}

	private Condition parseNot() {
		if (this.lexer.isKeyword("NOT")) {
			this.lexer.next();
			return new Conditions.Not(parseNot());
		}
		return parsePrimary();
	}

	private Condition parsePrimary() {
		if (accept(Type.LPAREN)) {
			Condition condition = parseOr();
			expect(Type.RPAREN);
			return condition;
		}
		Operand first = parseConditionOperand();
		Comparator comparator = comparator(this.lexer.type);
		if (comparator != null) {
			this.lexer.next();
			Operand left = asValue(first);
			Operand right = asValue(parseConditionOperand());
			return new Conditions.Comparison(left, comparator, right);
		}
		if (this.lexer.isKeyword("BETWEEN")) {
			this.lexer.next();
			Operand value = asValue(first);
			Operand low = asValue(parseConditionOperand());
			if (!this.lexer.isKeyword("AND")) {
				throw this.lexer.syntaxError();
			}
			this.lexer.next();
			Operand high = asValue(parseConditionOperand());
			checkBounds(low.constant(), high.constant(), this.kind);
			return new Conditions.Between(value, low, high);
		}
		if (this.lexer.isKeyword("IN")) {
			this.lexer.next();
			Operand value = asValue(first);
			expect(Type.LPAREN);
			List<Operand> candidates = new ArrayList<>();
			do {
				candidates.add(asValue(parseConditionOperand()));
			}
			while (accept(Type.COMMA));
			expect(Type.RPAREN);
			if (candidates.size() > 100) {
				throw invalid("The IN operator is provided with too many operands; number of operands: "
						+ candidates.size());
			}
			return new Conditions.In(value, List.copyOf(candidates));
		}
		if (first instanceof Call call) {
			return booleanFunction(call);
		}
		throw this.lexer.syntaxError();
	}

	static void checkBounds(AttributeValue low, AttributeValue high, ExpressionKind kind) {
		if (low != null && high != null && ValueComparisons.compare(low, high) > 0) {
			throw ApiException.validation(kind.invalid()
					+ "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: "
					+ low + ", upper bound operand: AttributeValue: " + high);
		}
	}

	private static Comparator comparator(Type type) {
		switch (type) {
			case EQ:
				return Comparator.EQ;
			case NE:
				return Comparator.NE;
			case LT:
				return Comparator.LT;
			case LE:
				return Comparator.LE;
			case GT:
				return Comparator.GT;
			case GE:
				return Comparator.GE;
			default:
				return null;
		}
	}

	/** An operand of a condition: a path, a value, or a function call resolved by where it stands. */
	private Operand parseConditionOperand() {
		return parseOperand((call) -> call);
	}

	/**
	 * An operand: a path, a value, or a function call whose arguments are operands of the same kind.
	 * @param resolveCall what a call becomes where this kind of operand stands
	 */
	private Operand parseOperand(Function<Call, Operand> resolveCall) {
		if (this.lexer.type == Type.NAME && nextIsParenthesis()) {
			String name = this.lexer.text();
			this.lexer.next();
			this.lexer.next();
			List<Operand> arguments = new ArrayList<>();
			if (this.lexer.type != Type.RPAREN) {
				do {
					arguments.add(parseOperand(resolveCall));
				}
				while (accept(Type.COMMA));
			}
			expect(Type.RPAREN);
			return resolveCall.apply(new Call(name, arguments));
		}
		if (this.lexer.type == Type.VALUE_REF) {
			AttributeValue value = this.attributes.value(this.lexer.text(), this.kind);
			this.lexer.next();
			return new Operand.Constant(value);
		}
		return new Operand.Path(parsePath());
	}

	/** The operand as a value: a function call there must be {@code size}. */
	private Operand asValue(Operand operand) {
		if (!(operand instanceof Call call)) {
			return operand;
		}
		if (call.name.equals("size")) {
			arity(call, 1);
			return new Operand.Size(pathArgument(call, 0));
		}
		throw misused(call.name);
	}

	private Condition booleanFunction(Call call) {
		switch (call.name) {
			case "attribute_exists":
				arity(call, 1);
				return new Conditions.Exists(pathArgument(call, 0), true);
			case "attribute_not_exists":
				arity(call, 1);
				return new Conditions.Exists(pathArgument(call, 0), false);
			case "attribute_type": {
				arity(call, 2);
				// The first operand may be any value (DynamoDB accepts attribute_type(:v, :t)); the type must
				// come from ExpressionAttributeValues.
				Operand value = asValue(call.arguments.get(0));
				AttributeValue name = call.arguments.get(1).constant();
				if (name == null) {
					throw invalid("Incorrect operand type for operator or function; operator or function: "
							+ call.name + ", operand type: a document path");
				}
				if (!(name instanceof StringValue s)) {
					throw wrongOperandType(call.name, name);
				}
				AttributeType type = AttributeType.forDescriptor(s.value());
				if (type == null) {
					throw invalid("Invalid attribute type name found; type: " + s.value()
							+ ", valid types: { B; NULL; SS; BOOL; L; BS; N; NS; S; M }");
				}
				return new Conditions.TypeIs(value, type);
			}
			case "begins_with": {
				arity(call, 2);
				Operand value = asValue(call.arguments.get(0));
				Operand prefix = asValue(call.arguments.get(1));
				for (Operand operand : List.of(value, prefix)) {
					AttributeValue constant = operand.constant();
					if (constant != null && constant.type() != AttributeType.S && constant.type() != AttributeType.B) {
						throw wrongOperandType(call.name, constant);
					}
				}
				return new Conditions.BeginsWith(value, prefix);
			}
			case "contains":
				arity(call, 2);
				return new Conditions.Contains(asValue(call.arguments.get(0)), asValue(call.arguments.get(1)));
			default:
				throw misused(call.name);
		}
	}

	private ApiException misused(String function) {
		if (CONDITION_FUNCTIONS.contains(function) || UPDATE_FUNCTIONS.contains(function)
				|| function.equals("size")) {
			return invalid("The function is not allowed to be used this way in an expression; function: " + function);
		}
		return invalid("Invalid function name; function: " + function);
	}

	private void arity(Call call, int count) {
		if (call.arguments.size() != count) {
			throw invalid("Incorrect number of operands for operator or function; operator or function: "
					+ call.name + ", number of operands: " + call.arguments.size());
		}
	}

	private DocumentPath pathArgument(Call call, int position) {
		if (call.arguments.get(position) instanceof Operand.Path path) {
			return path.path();
		}
		throw invalid("Operator or function requires a document path; operator or function: " + call.name);
	}

	private ApiException wrongOperandType(String operator, AttributeValue value) {
		return invalid("Incorrect operand type for operator or function; operator or function: " + operator
				+ ", operand type: " + value.type());
	}

	// ---- updates

	private List<UpdateAction> parseUpdate() {
		List<UpdateAction> actions = new ArrayList<>();
		Set<String> clauses = new HashSet<>();
		while (this.lexer.type != Type.EOF) {
			if (this.lexer.type != Type.NAME) {
				throw this.lexer.syntaxError();
			}
			String clause = this.lexer.text().toUpperCase(Locale.ROOT);
			if (!clause.equals("SET") && !clause.equals("REMOVE") && !clause.equals("ADD")
					&& !clause.equals("DELETE")) {
				throw this.lexer.syntaxError();
			}
			if (!clauses.add(clause)) {
				throw invalid("The \"" + clause + "\" section can only be used once in an update expression;");
			}
			this.lexer.next();
			do {
				actions.add(parseAction(clause));
			}
			while (accept(Type.COMMA));
		}
		return actions;
	}

	private UpdateAction parseAction(String clause) {
		DocumentPath path = parsePath();
		switch (clause) {
			case "SET": {
				expect(Type.EQ);
				Operand value = parseSetOperand();
				if (this.lexer.type == Type.PLUS || this.lexer.type == Type.MINUS) {
					boolean plus = this.lexer.type == Type.PLUS;
					this.lexer.next();
					Operand right = parseSetOperand();
					for (Operand operand : List.of(value, right)) {
						AttributeValue constant = operand.constant();
						if (constant != null && constant.type() != AttributeType.N) {
							throw wrongOperandType(plus ? "+" : "-", constant);
						}
					}
					value = new Operand.Arithmetic(value, plus, right);
				}
				return new UpdateAction(UpdateAction.Kind.SET, path, value);
			}
			case "REMOVE":
				return new UpdateAction(UpdateAction.Kind.REMOVE, path, null);
			default: {
				if (this.lexer.type != Type.VALUE_REF) {
					throw this.lexer.syntaxError();
				}
				AttributeValue value = this.attributes.value(this.lexer.text(), this.kind);
				this.lexer.next();
				boolean add = clause.equals("ADD");
				boolean valid = add ? (value.type() == AttributeType.N || value.type().isSet()) : value.type().isSet();
				if (!valid) {
					throw invalid("Incorrect operand type for operator or function; operator: " + clause
							+ ", operand type: " + ValueComparisons.longTypeName(value.type()));
				}
				return new UpdateAction(add ? UpdateAction.Kind.ADD : UpdateAction.Kind.DELETE, path,
						new Operand.Constant(value));
			}
		}
	}

	/** An operand of SET: a path, a value, or {@code if_not_exists} / {@code list_append}. */
	private Operand parseSetOperand() {
		return parseOperand(this::setFunction);
	}

	/** The functions SET allows; any other call is misused there. */
	private Operand setFunction(Call call) {
		String name = call.name;
		List<Operand> arguments = call.arguments;
		switch (name) {
			case "if_not_exists":
				arity(call, 2);
				return new Operand.IfNotExists(pathArgument(call, 0), arguments.get(1));
			case "list_append":
				arity(call, 2);
				for (Operand argument : arguments) {
					if (argument instanceof Operand.ListAppend) {
						throw misused(name);
					}
					AttributeValue constant = argument.constant();
					if (constant != null && constant.type() != AttributeType.L) {
						throw wrongOperandType(name, constant);
					}
				}
				return new Operand.ListAppend(arguments.get(0), arguments.get(1));
			default:
				throw misused(name);
		}
	}

	// ---- paths

	private DocumentPath parsePath() {
		List<Object> elements = new ArrayList<>(4);
		elements.add(pathName());
		while (true) {
			if (accept(Type.DOT)) {
				elements.add(pathName());
			}
			else if (this.lexer.type == Type.LBRACKET) {
				this.lexer.next();
				if (this.lexer.type != Type.NUMBER) {
					throw this.lexer.syntaxError();
				}
				String digits = this.lexer.text();
				int index;
				try {
					index = Integer.parseInt(digits);
				}
				catch (NumberFormatException ex) {
					throw invalid("List index is not a valid integer; index: " + digits);
				}
				this.lexer.next();
				expect(Type.RBRACKET);
				elements.add(index);
			}
			else {
				break;
			}
		}
		if (elements.size() > MAX_PATH_DEPTH) {
			throw invalid("The document path has too many nesting levels; nesting levels: " + elements.size());
		}
		return new DocumentPath(elements.toArray());
	}

	private String pathName() {
		String name;
		if (this.lexer.type == Type.NAME) {
			name = this.lexer.text();
			if (isReserved(name)) {
				throw invalid("Attribute name is a reserved keyword; reserved keyword: " + name);
			}
		}
		else if (this.lexer.type == Type.NAME_REF) {
			name = this.attributes.name(this.lexer.text(), this.kind);
		}
		else {
			throw this.lexer.syntaxError();
		}
		this.lexer.next();
		return name;
	}

	// ---- tokens

	private boolean nextIsParenthesis() {
		return this.lexer.nextCharIs('(');
	}

	private boolean accept(Type type) {
		if (this.lexer.type == type) {
			this.lexer.next();
			return true;
		}
		return false;
	}

	private void expect(Type type) {
		if (this.lexer.type != type) {
			throw this.lexer.syntaxError();
		}
		this.lexer.next();
	}

	private ApiException invalid(String message) {
		return ApiException.validation(this.kind.invalid() + message);
	}

	/** A function call before it is known whether it stands for a value or a condition. */
	private static final class Call implements Operand {

		final String name;

		final List<Operand> arguments;

		Call(String name, List<Operand> arguments) {
			this.name = name;
			this.arguments = arguments;
		}

		@Override
		public AttributeValue evaluate(java.util.Map<String, AttributeValue> item) {
			throw new IllegalStateException("A function call must be resolved before evaluation: " + this.name);
		}

	}

}
