package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Random bodies whose every yield yields a primitive, most of them always the same local: the
 * shapes where {@link FrameLayout#yieldsSavedLocal} takes the value from the local's field,
 * mixed with the ones where it must not (another local, a local dead after its yield, a yield in
 * a {@code finally} block javac copies). {@link GeneratorFuzzTest}'s bodies yield values of every
 * type, so they seldom keep a value unboxed at all. Each body is run as a generator, taking
 * values with and without {@code hasNext()} ahead, and as a plain twin that records what it would
 * yield; both must agree.
 */
class RandomPrimitiveYieldsTest {

    private static final int PROGRAMS = Integer.getInteger("primitiveYields.count", 150);
    private static final long FIRST_SEED = Long.getLong("primitiveYields.start", 0);

    /** One random body, written as a generator and as its twin. */
    private static final class Body {
        private final Random random;
        private final String type;
        private final boolean oneLocal;
        /** Whether some yields yield v where it is dead after them. */
        private final boolean deadYields;
        /** Whether v is read after the last statement, which keeps it live across every yield of v. */
        private final boolean usedAtTheEnd;

        private final StringBuilder out = new StringBuilder();
        private int budget = 14;
        private int names;

        Body(long seed) {
            random = new Random(seed);
            type = List.of("int", "long", "double").get(random.nextInt(3));
            oneLocal = random.nextInt(8) != 0;
            deadYields = random.nextInt(8) == 0;
            usedAtTheEnd = random.nextInt(10) != 0;
        }

        String box() {
            return switch (type) {
                case "int" -> "Integer";
                case "long" -> "Long";
                default -> "Double";
            };
        }

        String text() {
            line(2, type + " v = a, w = b;");
            while (budget > 0) {
                statement(2);
            }
            if (usedAtTheEnd) {
                line(2, "use(v);");
            }
            line(2, "return Yield.done();");
            return out.toString();
        }

        private void line(int depth, String text) {
            out.append("    ".repeat(depth)).append(text).append('\n');
        }

        private String yielded() {
            return oneLocal || random.nextInt(3) != 0 ? "v" : "w";
        }

        private void statement(int depth) {
            budget--;
            int pick = random.nextInt(depth > 3 ? 5 : 10);
            switch (pick) {
                case 0, 1 -> line(depth, "Yield.value(" + yielded() + ");");
                case 2 -> line(depth, "v = v * 3 + w + " + random.nextInt(5) + ";");
                case 3 -> line(depth, "w = w - v / 2;");
                case 4 -> {
                    if (deadYields) {
                        // v is dead after this yield: it is assigned before it is read.
                        line(depth, "Yield.value(v);");
                        line(depth, "v = w + 1;");
                    } else {
                        line(depth, "v = w + v % 5 + 1;");
                    }
                }
                case 5 -> {
                    String k = "k" + names++;
                    line(depth, "for (int " + k + " = 0; " + k + " < " + (1 + random.nextInt(3)) + "; " + k + "++) {");
                    block(depth + 1);
                    line(depth + 1, "v = v + " + k + ";");
                    line(depth, "}");
                }
                case 6 -> {
                    line(depth, "if (v > w) {");
                    block(depth + 1);
                    line(depth, "} else {");
                    block(depth + 1);
                    line(depth, "}");
                }
                case 7 -> {
                    line(depth, "try {");
                    block(depth + 1);
                    line(depth + 1, "if ((long) v % 3 == 0) throw new IllegalStateException();");
                    line(depth, "} catch (IllegalStateException e) {");
                    line(depth + 1, "v = v - 7;");
                    line(depth + 1, "Yield.value(" + yielded() + ");");
                    line(depth, "}");
                }
                case 8 -> {
                    // javac copies the finally block, and any yield in it, onto every path out of the try
                    line(depth, "try {");
                    block(depth + 1);
                    line(depth, "} finally {");
                    if (deadYields) {
                        // ... where, on the path of an exception, v is dead.
                        line(depth + 1, "Yield.value(v);");
                    }
                    line(depth + 1, "w = w + 1;");
                    line(depth, "}");
                }
                default -> {
                    String u = "u" + names++;
                    line(depth, "{");
                    line(depth + 1, type + " " + u + " = v + w;");
                    line(depth + 1, "Yield.value(" + (deadYields && random.nextBoolean() ? u : "v") + ");");
                    line(depth + 1, "w = " + u + ";");
                    line(depth, "}");
                }
            }
        }

        private void block(int depth) {
            int statements = 1 + random.nextInt(2);
            for (int i = 0; i < statements && budget > 0; i++) {
                statement(depth);
            }
        }
    }

    @Test
    void randomBodiesYieldingPrimitiveLocalsYieldWhatTheirPlainTwinRecords() throws Exception {
        StringBuilder source = new StringBuilder("""
                import dev.generators.*;
                import java.util.*;
                class Prims {
                    static <X> X rec(List<Object> out, X value) {
                        out.add(value);
                        return null;
                    }
                    static void use(Object value) {}
                """);
        List<String> types = new ArrayList<>();
        List<Boolean> yielding = new ArrayList<>();
        for (int p = 0; p < PROGRAMS; p++) {
            Body body = new Body(FIRST_SEED + p);
            String text = body.text();
            types.add(body.type);
            yielding.add(text.contains("Yield.value("));
            source.append("    @Generator\n    static Iterator<")
                    .append(body.box())
                    .append("> g")
                    .append(p)
                    .append('(')
                    .append(body.type)
                    .append(" a, ")
                    .append(body.type)
                    .append(" b) {\n")
                    .append(text)
                    .append("    }\n");
            source.append("    static List<Object> r")
                    .append(p)
                    .append("(List<Object> out, ")
                    .append(body.type)
                    .append(" a, ")
                    .append(body.type)
                    .append(" b) {\n")
                    .append(text.replace("Yield.value(", "rec(out, ").replace("return Yield.done();", "return out;"))
                    .append("    }\n");
        }
        source.append("}\n");
        Map<String, byte[]> classes = Compiler.rewrite(source.toString());
        Class<?> prims = Compiler.define(classes, "Prims");

        int fromLocal = 0;
        for (int p = 0; p < PROGRAMS; p++) {
            ClassNode generator = new ClassNode();
            new ClassReader(classes.get("Prims$g" + p + "$Generator")).accept(generator, 0);
            boolean unboxed = generator.methods.stream().anyMatch(m -> m.name.equals(RuntimeNames.VALUE_YIELDED));
            boolean yieldedField = generator.fields.stream().anyMatch(f -> f.name.equals("yielded$"));
            assertEquals(yielding.get(p), unboxed, "every yield of g" + p + " boxes one primitive type");
            if (!yieldedField) {
                fromLocal++;
            }
            Class<?> primitive = switch (types.get(p)) {
                case "int" -> int.class;
                case "long" -> long.class;
                default -> double.class;
            };
            Method twin = prims.getDeclaredMethod("r" + p, List.class, primitive, primitive);
            Method method = prims.getDeclaredMethod("g" + p, primitive, primitive);
            twin.setAccessible(true);
            method.setAccessible(true);
            for (int[] arguments : new int[][] {{0, 1}, {5, -2}, {-4, 9}}) {
                Object a = box(primitive, arguments[0]);
                Object b = box(primitive, arguments[1]);
                Object expected = twin.invoke(null, new ArrayList<>(), a, b);
                String where = "g" + p + "(" + arguments[0] + ", " + arguments[1] + ")";
                assertEquals(expected, drain((Iterator<?>) method.invoke(null, a, b), false), where);
                assertEquals(
                        expected, drain((Iterator<?>) method.invoke(null, a, b), true), where + ", hasNext() ahead");
            }
        }
        System.out.printf(
                "RandomPrimitiveYieldsTest: seeds %d..%d, %d of %d take the value from a local's field%n",
                FIRST_SEED, FIRST_SEED + PROGRAMS - 1, fromLocal, PROGRAMS);
        assertTrue(
                fromLocal >= PROGRAMS / 4,
                "only " + fromLocal + " of " + PROGRAMS
                        + " take the value from a local's field: the test lost its point");
        assertTrue(fromLocal < PROGRAMS, "every program takes the value from a local: the other shapes went untested");
    }

    private static Object box(Class<?> primitive, int value) {
        return primitive == int.class
                ? (Object) value
                : primitive == long.class ? (Object) (long) value : (double) value;
    }

    private static List<Object> drain(Iterator<?> generator, boolean ahead) {
        List<Object> values = new ArrayList<>();
        if (!ahead) {
            while (true) {
                try {
                    values.add(generator.next());
                } catch (java.util.NoSuchElementException end) {
                    return values;
                }
            }
        }
        while (generator.hasNext() && generator.hasNext()) {
            values.add(generator.next());
        }
        return values;
    }
}
