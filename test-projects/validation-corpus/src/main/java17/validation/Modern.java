package validation;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.List;

/**
 * Java 17 source (release 17 and newer only): records, switch expressions with yields in their
 * arms (javac spills the operand stack to locals when an arm has a try), arrow switch statements,
 * var, text blocks, instanceof patterns, try-with-resources on an existing variable, private
 * interface methods.
 */
public final class Modern {

    private Modern() {
    }

    public record Range(int from, int to) {

        @Generator
        public Iterable<Integer> values() {
            for (int i = from; i < to; i++) {
                Yield.value(i);
            }
            return Yield.done();
        }

        @Generator
        public static Iterable<Range> split(Range r, int parts) {
            int size = (r.to() - r.from()) / parts;
            for (int start = r.from(); start < r.to(); start += size) {
                Yield.value(new Range(start, Math.min(r.to(), start + size)));
            }
            return Yield.done();
        }
    }

    public sealed interface Animal permits Dog, Cat {
        String name();
    }

    public record Dog(String name, int tricks) implements Animal {
    }

    public record Cat(String name) implements Animal {
    }

    /** Yields inside the arms of a switch expression that is itself an operand. */
    @Generator
    public static Coroutine<Object, Object, String> switchExpressions(String prefix, String... keys) {
        var out = new ArrayList<String>();
        for (var key : keys) {
            String r = prefix + switch (key) {
                case "a" -> Yield.<String>value("a?");
                case "b" -> {
                    String t = Yield.value("b?");
                    yield t + t;
                }
                case "t" -> {
                    try {
                        yield Yield.<String>value("t?");
                    } finally {
                        Yield.value("t finally");
                    }
                }
                default -> key.toUpperCase();
            };
            out.add(r);
        }
        return Yield.done(String.join(",", out));
    }

    @Generator
    public static Iterable<String> arrowSwitch(List<Color> colors) {
        for (var c : colors) {
            switch (c) {
                case RED, GREEN -> Yield.value("warm-ish " + c);
                case BLUE -> {
                    Yield.value("blue");
                    Yield.value("still blue");
                }
                default -> Yield.value("other");
            }
            int weight = switch (c) {
                case RED -> 1;
                case GREEN -> Yield.<Integer>value("weight?") == null ? 2 : 3;
                default -> 0;
            };
            Yield.value("weight " + weight);
        }
        return Yield.done();
    }

    /** An instanceof pattern binding, live across yields; a text block. */
    @Generator
    public static Iterable<String> patterns(List<Object> items) {
        for (Object o : items) {
            if (o instanceof String s && !s.isEmpty()) {
                Yield.value("string " + s);
                Yield.value("length " + s.length());
            } else if (o instanceof Animal a) {
                Yield.value("""
                        animal %s""".formatted(a.name()) + (a instanceof Dog d ? " tricks " + d.tricks() : ""));
            } else {
                Yield.value("other " + o);
            }
        }
        return Yield.done();
    }

    /** try-with-resources on an effectively final variable (Java 9). */
    @Generator
    public static Iterable<String> existingResource(List<String> log) {
        var r = new Resources.Res("r", log);
        try (r) {
            Yield.value("using " + log);
        }
        Yield.value("after " + log);
        return Yield.done();
    }

    /** A private interface method generator (Java 9), called by a default method. */
    public interface Countdown {
        int start();

        default Iterable<Integer> countdown() {
            return down(start());
        }

        @Generator
        private Iterable<Integer> down(int from) {
            for (int i = from; i > 0; i--) {
                Yield.value(i);
            }
            Yield.all(twice(0));
            return Yield.done();
        }

        @Generator
        private static Iterable<Integer> twice(int x) {
            Yield.value(x);
            Yield.value(x);
            return Yield.done();
        }
    }
}
