package shapes;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** Corners a rewriter can trip on: local names, private types, super calls, wide increments, asserts. */
public final class Corners {

    private Corners() {
    }

    /** Locals and a parameter named like the generated class's own fields. */
    @Generator
    public static Iterable<String> namesLikeTheMachinery(int state) {
        int result = 1;
        String value = "v";
        Object self = "self";
        long received = 7L;
        Yield.value("state=" + state + " result=" + result + " value=" + value + " self=" + self + " received="
                + received);
        state++;
        result *= 10;
        Yield.value("state=" + state + " result=" + result + " value=" + value + " received=" + received);
        return Yield.done();
    }

    /** The same local name with a different type in sibling scopes, each across a yield. */
    @Generator
    public static Iterable<Object> sameNameDifferentTypes() {
        for (int i = 0; i < 2; i++) {
            int x = i + 100;
            Yield.value(x);
            Yield.value(x + 1);
        }
        for (int i = 0; i < 2; i++) {
            String x = "s" + i;
            Yield.value(x);
            Yield.value(x.length());
        }
        {
            double x = 0.25;
            Yield.value(x);
            Yield.value(x * 4);
        }
        {
            long[] x = {5L};
            Yield.value(x[0]);
        }
        return Yield.done();
    }

    /** A private nested class and a private record as local types across yields. */
    private static final class Secret {
        private final String word;

        private Secret(String word) {
            this.word = word;
        }
    }

    private record Hidden(int n) {
    }

    @Generator
    public static Iterable<String> privateTypesAsLocals() {
        Secret secret = new Secret("hush");
        Hidden hidden = new Hidden(3);
        List<Secret> secrets = new ArrayList<>();
        secrets.add(secret);
        Yield.value(secret.word);
        Hidden[] many = {hidden, new Hidden(4)};
        Yield.value(hidden.n() + "/" + many.length);
        secrets.add(new Secret("quiet"));
        Yield.value(secrets.get(1).word + " " + many[1]);
        return Yield.done();
    }

    /** A yielded value of a private record type, seen from outside only as Object. */
    @Generator
    public static Iterable<Object> yieldsPrivateRecords(int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(new Hidden(i));
        }
        return Yield.done();
    }

    /** Increments too large for a plain iinc (javac writes wide iinc). */
    @Generator
    public static Iterable<Integer> wideIncrements() {
        for (int i = -70_000; i < 70_000; i += 30_000) {
            Yield.value(i);
        }
        int j = 0;
        j += 1000;
        Yield.value(j);
        j -= 129;
        Yield.value(j);
        return Yield.done();
    }

    /** An assert statement, which reads the owner's synthetic $assertionsDisabled. */
    @Generator
    public static Iterable<String> withAssert(int n) {
        Yield.value("checking " + n);
        assert n >= 0 : "negative " + n;
        Yield.value("ok " + n);
        return Yield.done();
    }

    /** {@code <T extends Number & Comparable<T>>}: the erasure is Number, compareTo needs a cast. */
    @Generator
    public static <T extends Number & Comparable<T>> Iterable<String> intersectionBound(List<T> items) {
        T smallest = null;
        for (T t : items) {
            if (smallest == null || t.compareTo(smallest) < 0) {
                smallest = t;
            }
            Yield.value(t.intValue() + " min " + smallest);
        }
        return Yield.done();
    }

    /** A generic array parameter {@code T[]}. */
    @Generator
    public static <T> Iterable<T> reversed(T[] items) {
        for (int i = items.length - 1; i >= 0; i--) {
            Yield.value(items[i]);
        }
        return Yield.done();
    }

    /** Python's {@code def g(): return (yield 1)}. */
    @Generator
    public static Coroutine<Integer, Object, Object> returnTheSentValue() {
        return Yield.done(Yield.value(1));
    }

    /** Python's {@code lambda: ((yield 1), (yield 2))}: both yields inside one expression that is returned. */
    @Generator
    public static Coroutine<Integer, Object, List<Object>> tupleOfYields() {
        return Yield.done(Arrays.asList(Yield.value(1), Yield.value(2)));
    }

    /** A switch on a sent String. */
    @Generator
    public static Coroutine<String, String, Integer> switchOnSentString() {
        int score = 0;
        while (true) {
            switch (Yield.<String>value("score " + score)) {
                case "up":
                    score++;
                    break;
                case "down":
                    score--;
                    break;
                case "stop":
                    return Yield.done(score);
                default:
                    score += 100;
            }
        }
    }

    /** A for-each over a sent list. */
    @Generator
    public static Coroutine<String, List<String>, Object> forEachOverSentList() {
        for (String s : Yield.<List<String>>value("give me a list")) {
            Yield.value("item " + s);
        }
        return Yield.done();
    }

    /** A yield as an array index and as an array element read. */
    @Generator
    public static Coroutine<String, Integer, Integer> indexFromSend(int[] data) {
        int sum = data[Yield.<Integer>value("first index")] + data[Yield.<Integer>value("second index")];
        return Yield.done(sum);
    }

    /** {@code throw new X(Yield.value(...))}: the exception is constructed around a yield. */
    @Generator
    public static Iterable<String> throwWithYieldedMessage() {
        Yield.value("about to throw");
        throw new IllegalStateException(String.valueOf((Object) Yield.value("message?")));
    }

    /** char arithmetic with a yielded operand. */
    @Generator
    public static Iterable<Object> charArithmetic() {
        char c = 'a';
        char d = (char) (c + Expressions.orElse(Yield.value("offset?"), 2));
        Yield.value(d);
        return Yield.done();
    }

    /** A constructor taking a long and a double, with a yield between them. */
    public record Wide(long big, Object middle, double ratio) {
    }

    @Generator
    public static Iterable<Object> wideConstructorArguments() {
        long big = Long.MAX_VALUE - 5;
        Wide w = new Wide(big, Yield.value("middle"), 0.125);
        Yield.value(w);
        Yield.value(new Wide(1L, List.of(String.valueOf((Object) Yield.value("in list"))), -1.5));
        return Yield.done();
    }

    /** The body calls next() on its own generator: re-entering a running generator is refused. */
    @Generator
    public static Iterator<String> reentrant(Iterator<?>[] self) {
        Yield.value("first");
        self[0].next();
        Yield.value("never");
        return Yield.done();
    }

    /** A Stream whose body throws after two values. */
    @Generator
    public static Stream<Integer> streamThatFails() {
        Yield.value(1);
        Yield.value(2);
        throw new IllegalStateException("stream body failed");
    }
}
