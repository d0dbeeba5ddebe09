package shapes;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.List;

/** Yields in switch statements and expressions (old and new), if/else chains and ternaries. */
public final class Branches {

    private Branches() {
    }

    public enum Color { RED, GREEN, BLUE, BLACK }

    /** Old-style int switch with fall-through from case 1 into case 2, and a dense tableswitch. */
    @Generator
    public static Iterable<String> intSwitchWithFallThrough(int[] keys) {
        for (int k : keys) {
            switch (k) {
                case 1:
                    Yield.value("one");
                    // fall through
                case 2:
                    Yield.value("one or two");
                    break;
                case 3:
                    Yield.value("three");
                    break;
                default:
                    Yield.value("other " + k);
            }
        }
        return Yield.done();
    }

    /** A sparse switch (lookupswitch) with yields in every case. */
    @Generator
    public static Iterable<String> sparseSwitch(int[] keys) {
        for (int k : keys) {
            switch (k) {
                case -1000:
                    Yield.value("minus thousand");
                    break;
                case 7:
                    Yield.value("seven");
                    Yield.value("still seven");
                    break;
                case 1_000_000:
                    Yield.value("million");
                    break;
                default:
                    break;
            }
        }
        return Yield.done();
    }

    /** String switch: javac makes a hashCode switch and a second switch on an index local. */
    @Generator
    public static Iterable<String> stringSwitch(List<String> words) {
        for (String w : words) {
            switch (w) {
                case "apple":
                    Yield.value("fruit");
                    break;
                case "carrot":
                case "potato":
                    Yield.value("vegetable");
                    Yield.value(w.toUpperCase());
                    break;
                // "Aa" and "BB" share a hash code
                case "Aa":
                    Yield.value("Aa!");
                    break;
                case "BB":
                    Yield.value("BB!");
                    break;
                default:
                    Yield.value("unknown " + w);
            }
        }
        return Yield.done();
    }

    /** Enum switch: javac reads a synthetic $SwitchMap class. */
    @Generator
    public static Iterable<String> enumSwitch(Color... colors) {
        for (Color c : colors) {
            switch (c) {
                case RED:
                    Yield.value("warm");
                    break;
                case GREEN:
                case BLUE:
                    Yield.value("cool");
                    Yield.value(c.name().toLowerCase());
                    break;
                default:
                    Yield.value("dark");
            }
        }
        return Yield.done();
    }

    /** New arrow-style switch statement, with a block, a multi-label case and a throwing default. */
    @Generator
    public static Iterable<String> arrowSwitchStatement(int[] keys) {
        for (int k : keys) {
            switch (k) {
                case 0 -> Yield.value("zero");
                case 1, 2 -> {
                    Yield.value("small");
                    Yield.value("k=" + k);
                }
                case 3 -> Yield.value("three");
                default -> {
                    if (k < 0) {
                        Yield.value("negative");
                    } else {
                        Yield.value("big");
                    }
                }
            }
        }
        return Yield.done();
    }

    /** A switch expression whose case blocks yield before producing their value. */
    @Generator
    public static Iterable<String> switchExpression(int[] keys) {
        for (int k : keys) {
            int x = switch (k) {
                case 1 -> {
                    Yield.value("a");
                    yield 1;
                }
                case 2 -> {
                    Yield.value("b1");
                    Yield.value("b2");
                    yield 20;
                }
                default -> 2;
            };
            Yield.value("x=" + x);
        }
        return Yield.done();
    }

    /** A switch expression used inside a larger expression: the sum's left operand waits on the stack. */
    @Generator
    public static Iterable<Object> switchExpressionInsideExpression(int[] keys) {
        long total = 1000L;
        for (int k : keys) {
            total = total + switch (k) {
                case 1 -> {
                    Yield.value("one");
                    yield 1L;
                }
                case 2 -> 2L;
                default -> {
                    Yield.value("other");
                    yield 100L;
                }
            };
            Yield.value(total);
        }
        return Yield.done();
    }

    /** A String switch expression over an enum, with yields. */
    @Generator
    public static Iterable<String> enumSwitchExpression(List<Color> colors) {
        for (Color c : colors) {
            String s = switch (c) {
                case RED -> "r";
                case GREEN -> {
                    Yield.value("thinking about green");
                    yield "g";
                }
                case BLUE, BLACK -> {
                    Yield.value("dark-ish");
                    yield c == Color.BLUE ? "b" : "k";
                }
            };
            Yield.value(s);
        }
        return Yield.done();
    }

    /** FizzBuzz with an if/else-if chain. */
    @Generator
    public static Iterable<String> fizzBuzz(int n) {
        for (int i = 1; i <= n; i++) {
            if (i % 15 == 0) {
                Yield.value("FizzBuzz");
            } else if (i % 3 == 0) {
                Yield.value("Fizz");
            } else if (i % 5 == 0) {
                Yield.value("Buzz");
            } else {
                Yield.value(String.valueOf(i));
            }
        }
        return Yield.done();
    }

    /** Ternaries: one choosing the value to yield, one with a yield in each branch. */
    @Generator
    public static Iterable<String> ternaries(int[] numbers) {
        for (int k : numbers) {
            Yield.value(k % 2 == 0 ? "even" : "odd");
            Object back = k > 0 ? Yield.value("positive " + k) : Yield.value("not positive " + k);
            Yield.value("back=" + back);
        }
        return Yield.done();
    }

    /** Short-circuit operators with yields on their right-hand side. */
    @Generator
    public static Iterable<String> shortCircuits(boolean[] flags) {
        for (boolean f : flags) {
            boolean and = f && Yield.value("and evaluated") == null;
            boolean or = f || Yield.value("or evaluated") == null;
            Yield.value(f + ": and=" + and + " or=" + or);
        }
        return Yield.done();
    }
}
