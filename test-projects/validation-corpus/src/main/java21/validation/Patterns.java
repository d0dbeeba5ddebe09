package validation;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.List;

/**
 * Java 21 source (release 21 and newer only): pattern switches (invokedynamic typeSwitch and
 * enumSwitch, a restart index in a hidden local), guards, case null. A guard that yields
 * suspends the generator in the middle of the pattern matching. Record patterns are in
 * RecordPatterns.
 */
public final class Patterns {

    private Patterns() {
    }

    /** A guard that yields, inside a switch expression that is an operand of a concatenation. */
    @Generator
    public static Coroutine<String, Boolean, String> guarded(Object... items) {
        StringBuilder out = new StringBuilder();
        for (Object o : items) {
            String r = "[" + switch (o) {
                case null -> "null";
                case String s when Yield.<Boolean>value("long " + s + "?") -> "long " + s;
                case String s -> "short " + s;
                case Integer i when i > 10 -> "big " + i;
                case Integer i -> {
                    Yield.value("small " + i);
                    yield "int " + i;
                }
                default -> "other";
            } + "]";
            out.append(r).append(';');
        }
        return Yield.done(out.toString());
    }

    /** An enum switch with case null and qualified constants. */
    @Generator
    public static Iterable<String> colors(List<Color> colors) {
        for (Color c : colors) {
            switch (c) {
                case null -> Yield.value("no color");
                case Color.RED -> Yield.value("red");
                case GREEN, BLUE -> {
                    Yield.value("cool");
                    Yield.value(c.name().toLowerCase());
                }
                default -> Yield.value("dark");
            }
        }
        return Yield.done();
    }
}
