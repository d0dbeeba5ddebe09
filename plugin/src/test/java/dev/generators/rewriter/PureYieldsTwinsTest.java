package dev.generators.rewriter;

import static dev.generators.rewriter.RoundTripTest.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Random straight lines of pure yields, each beside a twin that is the same body made impure by
 * one division at its start (so its {@code hasNext()} runs the body ahead, as the protocol
 * does for every other body), driven through the same random sequences of calls of the protocol:
 * every call must give the same value, or throw the same exception with the same message.
 */
class PureYieldsTwinsTest {

    private static final int PROGRAMS = 150;
    private static final int RUNS = 40;

    @Test
    void noSequenceOfCallsTellsAPureGeneratorFromItsEagerTwin() throws Exception {
        Random random = new Random(20261206);
        StringBuilder source = new StringBuilder("import dev.generators.*;\nclass Twins {\n");
        for (int p = 0; p < PROGRAMS; p++) {
            String body = body(random);
            source.append("    @Generator static Coroutine<Object, Object, Object> pure")
                    .append(p)
                    .append("(int a, long b) {\n")
                    .append(body)
                    .append("    }\n");
            source.append("    @Generator static Coroutine<Object, Object, Object> eager")
                    .append(p)
                    .append("(int a, long b) {\n        a = a / 1;\n")
                    .append(body)
                    .append("    }\n");
        }
        source.append("}\n");
        Map<String, byte[]> rewritten = Compiler.rewrite(source.toString());
        int pure = 0;
        for (int p = 0; p < PROGRAMS; p++) {
            pure += calls(rewritten, "Twins$pure" + p + "$Generator", "hasNextPure") ? 1 : 0;
            assertTrue(!calls(rewritten, "Twins$eager" + p + "$Generator", "hasNextPure"), "eager" + p);
        }
        assertEquals(PROGRAMS, pure, "every random straight line is pure");

        Class<?> type = Compiler.define(rewritten, "Twins");
        int calls = 0;
        for (int p = 0; p < PROGRAMS; p++) {
            for (int run = 0; run < RUNS; run++) {
                int a = random.nextInt(2000) - 1000;
                long b = random.nextLong();
                List<Integer> operations = new ArrayList<>();
                for (int i = 0, n = random.nextInt(14); i < n; i++) {
                    operations.add(random.nextInt(OPERATIONS));
                }
                List<String> pureOutcomes = drive(type, "pure" + p, a, b, operations);
                List<String> eagerOutcomes = drive(type, "eager" + p, a, b, operations);
                assertEquals(eagerOutcomes, pureOutcomes, "program " + p + ", calls " + operations);
                calls += operations.size();
            }
        }
        assertTrue(calls > PROGRAMS * RUNS * 5, "calls made: " + calls);
    }

    private static boolean calls(Map<String, byte[]> classes, String name, String method) {
        ClassNode type = new ClassNode();
        new ClassReader(classes.get(name)).accept(type, 0);
        return Bytecode.listing(type).contains("StateMachine." + method + " ");
    }

    /** Yields of int, long, double and string values, locals assigned between them, a result. */
    private static String body(Random random) {
        StringBuilder body = new StringBuilder();
        boolean ints = random.nextBoolean(); // then every yield is an int: kept unboxed in yielded$
        int locals = 0;
        for (int i = 0, n = random.nextInt(6); i < n; i++) {
            if (random.nextInt(3) == 0) {
                body.append("        int x")
                        .append(locals++)
                        .append(" = ")
                        .append(intExpression(random, locals - 1))
                        .append(";\n");
            }
            String value = ints
                    ? intExpression(random, locals)
                    : switch (random.nextInt(5)) {
                        case 0 -> intExpression(random, locals);
                        case 1 -> "b * " + random.nextInt(5) + "L + a";
                        case 2 -> "a / 4.0 + " + random.nextInt(3);
                        case 3 -> "\"s" + random.nextInt(9) + "\"";
                        default -> "(Object) null";
                    };
            body.append("        Yield.value(").append(value).append(");\n");
        }
        String result = random.nextBoolean() ? "Yield.done()" : "Yield.done(" + intExpression(random, locals) + ")";
        return body.append("        return ").append(result).append(";\n").toString();
    }

    private static String intExpression(Random random, int locals) {
        String operand = locals > 0 && random.nextBoolean() ? "x" + random.nextInt(locals) : "a";
        return switch (random.nextInt(5)) {
            case 0 -> operand;
            case 1 -> operand + " + " + random.nextInt(10);
            case 2 -> operand + " * " + (random.nextInt(7) - 3);
            case 3 -> "(int) b ^ " + operand;
            default -> "(" + operand + " << 2) - a";
        };
    }

    private static final int OPERATIONS = 9;

    @SuppressWarnings("unchecked")
    private static List<String> drive(Class<?> type, String method, int a, long b, List<Integer> operations)
            throws Exception {
        Coroutine<Object, Object, Object> g = (Coroutine<Object, Object, Object>) call(type, method, a, b);
        List<String> outcomes = new ArrayList<>();
        for (int operation : operations) {
            String outcome;
            try {
                outcome = switch (operation) {
                    case 0, 1 -> "hasNext " + g.hasNext();
                    case 2, 3 -> "next " + g.next();
                    case 4 -> "send " + g.send(null);
                    case 5 -> "raise " + g.raise(new IllegalArgumentException("raised"));
                    case 6 -> {
                        g.close();
                        yield "closed";
                    }
                    case 7 -> "toString " + g.toString().replaceAll(".* \\(", "(");
                    default -> "done " + g.isDone() + (g.isDone() ? " " + resultOrNone(g) : "");
                };
            } catch (RuntimeException e) {
                outcome = e.getClass().getName() + ": " + e.getMessage().replace(method, "M");
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static String resultOrNone(Coroutine<Object, Object, Object> g) {
        try {
            return "result " + g.result();
        } catch (IllegalStateException e) {
            return "no result";
        }
    }
}
