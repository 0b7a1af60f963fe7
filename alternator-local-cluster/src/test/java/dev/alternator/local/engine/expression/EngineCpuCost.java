package dev.alternator.local.engine.expression;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

import dev.alternator.local.engine.value.AttributeValue;
import dev.alternator.local.engine.value.AttributeValueJson;
import dev.alternator.local.engine.value.ItemSize;

/**
 * Measures the CPU time per request of the value and expression code on a typical 7-attribute item: JSON
 * read and write, a condition parsed and tested, an update parsed and applied, the item size. Thread CPU
 * time, not wall time, so that a loaded machine still gives usable numbers. Not a test: run it by hand with
 * {@code ./mvnw -q -o -pl alternator-local-cluster test-compile exec:java -Dexec.skip=false
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.alternator.local.engine.expression.EngineCpuCost}.
 */
public final class EngineCpuCost {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final JsonFactory JSON = new JsonFactory();

	private static final String ITEM = "{\"p\":{\"S\":\"user#12345\"},\"c\":{\"N\":\"42\"},\"name\":{\"S\":\"Alice Example\"},"
			+ "\"age\":{\"N\":\"33\"},\"tags\":{\"SS\":[\"a\",\"b\",\"c\"]},\"addr\":{\"M\":{\"city\":{\"S\":\"Paris\"},"
			+ "\"zip\":{\"S\":\"75001\"}}},\"hist\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"},{\"N\":\"3\"}]}}";

	private EngineCpuCost() {
	}

	/**
	 * Runs the measurement and prints one line per round.
	 * @param args ignored
	 * @throws IOException never, the JSON is in memory
	 */
	public static void main(String[] args) throws IOException {
		Map<String, AttributeValue> values = new LinkedHashMap<>();
		values.put(":v", AttributeValue.n(1));
		values.put(":z", AttributeValue.s("x"));
		Map<String, String> names = Map.of("#n", "name");
		Map<String, AttributeValue> item = read();
		long sink = 0;
		int n = 200_000;
		for (int round = 0; round < 8; round++) {
			long t0 = THREADS.getCurrentThreadCpuTime();
			for (int i = 0; i < n; i++) {
				sink += read().size();
			}
			long t1 = THREADS.getCurrentThreadCpuTime();
			for (int i = 0; i < n; i++) {
				StringWriter out = new StringWriter(256);
				try (JsonGenerator generator = JSON.createGenerator(out)) {
					AttributeValueJson.writeItem(generator, item);
				}
				sink += out.getBuffer().length();
			}
			long t2 = THREADS.getCurrentThreadCpuTime();
			for (int i = 0; i < n; i++) {
				ExpressionAttributes attributes = new ExpressionAttributes(names, values);
				Condition condition = Condition.parse("attribute_exists(p) AND age >= :v AND #n <> :z", attributes);
				attributes.checkAllUsed();
				sink += condition.test(item) ? 1 : 0;
			}
			long t3 = THREADS.getCurrentThreadCpuTime();
			for (int i = 0; i < n; i++) {
				ExpressionAttributes attributes = new ExpressionAttributes(null, values);
				Update update = Update.parse("SET age = age + :v, addr.city = :z REMOVE hist[0]", attributes);
				attributes.checkAllUsed();
				sink += update.apply(item).size();
			}
			long t4 = THREADS.getCurrentThreadCpuTime();
			for (int i = 0; i < n; i++) {
				sink += ItemSize.of(item);
			}
			long t5 = THREADS.getCurrentThreadCpuTime();
			System.out.printf(
					"round %d (us of CPU per call): read item %.2f, write item %.2f, condition parse+test %.2f, "
							+ "update parse+apply %.2f, item size %.2f%n",
					round, micros(t1 - t0, n), micros(t2 - t1, n), micros(t3 - t2, n), micros(t4 - t3, n),
					micros(t5 - t4, n));
		}
		System.out.println("(checksum " + sink + ")");
	}

	private static Map<String, AttributeValue> read() throws IOException {
		try (JsonParser parser = JSON.createParser(ITEM)) {
			parser.nextToken();
			return AttributeValueJson.readItem(parser);
		}
	}

	private static double micros(long nanos, int calls) {
		return nanos / 1e3 / calls;
	}

}
