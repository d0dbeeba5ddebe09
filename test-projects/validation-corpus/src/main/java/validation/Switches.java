package validation;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.List;

/**
 * Old-style switch statements with yields in the cases. A string switch is a hashCode switch
 * followed by a second switch (javac) or by an equals chain (ECJ); an enum switch goes through
 * a synthetic map class (javac) or a private synthetic method of the class itself (ECJ).
 */
public final class Switches {

    private Switches() {
    }

    private enum Size {
        SMALL, LARGE
    }

    @Generator
    public static Iterable<String> enumSwitch(List<Color> colors) {
        for (Color c : colors) {
            switch (c) {
                case RED:
                    Yield.value("r");
                    break;
                case GREEN:
                    Yield.value("g");
                    // falls through
                case BLUE:
                    Yield.value("gb");
                    break;
                default:
                    Yield.value("other " + c.name().toLowerCase());
            }
        }
        return Yield.done();
    }

    /** A private enum nested in this class, and the switch's selector is live across a yield. */
    @Generator
    public static Iterable<String> privateEnumSwitch(Size... sizes) {
        for (Size s : sizes) {
            Yield.value("size");
            switch (s) {
                case SMALL:
                    Yield.value("small");
                    break;
                case LARGE:
                    Yield.value("large");
                    Yield.value("ordinal " + s.ordinal());
                    break;
            }
        }
        return Yield.done();
    }

    public static Iterable<String> privateEnumSwitchAll() {
        return privateEnumSwitch(Size.LARGE, Size.SMALL);
    }

    /** "Aa" and "BB" have the same hashCode. */
    @Generator
    public static Iterable<Integer> stringSwitch(String... words) {
        for (String w : words) {
            switch (w) {
                case "one":
                    Yield.value(1);
                    break;
                case "two":
                    Yield.value(2);
                    Yield.value(2);
                    break;
                case "Aa":
                case "BB":
                    Yield.value(w.equals("Aa") ? 10 : 20);
                    break;
                default:
                    Yield.value(w.length() * 100);
            }
        }
        return Yield.done();
    }

    /** The selector is the value sent in; a return from inside a case. */
    @Generator
    public static Coroutine<String, String, Integer> commands() {
        int total = 0;
        while (true) {
            switch (Yield.<String>value("total " + total)) {
                case "inc":
                    total++;
                    break;
                case "dec":
                    total--;
                    break;
                case "stop":
                    return Yield.done(total);
                default:
                    Yield.value("unknown");
            }
        }
    }

    /** A dense int switch (tableswitch) inside a sparse one (lookupswitch), and a char switch. */
    @Generator
    public static Iterable<String> intSwitches(int n) {
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 0:
                    Yield.value("zero");
                    break;
                case 1:
                    switch (i * 1000) {
                        case 1000:
                            Yield.value("thousand");
                            break;
                        case 5000:
                            Yield.value("five thousand");
                            break;
                        default:
                            Yield.value("?");
                    }
                    break;
                case 2:
                case 3:
                    char c = (char) ('a' + i);
                    switch (c) {
                        case 'c':
                            Yield.value("c");
                            break;
                        default:
                            Yield.value(String.valueOf(c));
                    }
                    break;
                default:
                    throw new AssertionError();
            }
        }
        return Yield.done();
    }
}
