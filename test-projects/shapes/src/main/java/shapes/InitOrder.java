package shapes;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code new Foo(Yield.value(1))}: in the code javac wrote, NEW comes before the yield, so Foo's
 * static initializer runs before the first value is handed out. Each class here is used by exactly
 * one generator, so that nothing else initializes it first.
 */
public final class InitOrder {

    private InitOrder() {
    }

    /** What happened, in order. */
    public static final List<String> EVENTS = new ArrayList<>();

    public static final class Single {
        static {
            EVENTS.add("Single.<clinit>");
        }

        public final Object value;

        public Single(Object value) {
            EVENTS.add("Single(" + value + ")");
            this.value = value;
        }
    }

    public static final class Outer {
        static {
            EVENTS.add("Outer.<clinit>");
        }

        public Outer(Object inner) {
            EVENTS.add("Outer(" + inner + ")");
        }
    }

    public static final class Inner {
        static {
            EVENTS.add("Inner.<clinit>");
        }

        public Inner(Object value) {
            EVENTS.add("Inner(" + value + ")");
        }

        @Override
        public String toString() {
            return "Inner";
        }
    }

    public static final class SuperInit {
        static {
            EVENTS.add("SuperInit.<clinit>");
        }

        public SuperInit(Object value) {
            EVENTS.add("SuperInit(" + value + ")");
        }
    }

    public static final class SubInit {
        static {
            EVENTS.add("SubInit.<clinit>");
        }

        private SubInit() {
        }

        public static final class Holder extends Base {
            static {
                EVENTS.add("Holder.<clinit>");
            }

            public Holder(Object value) {
                EVENTS.add("Holder(" + value + ")");
            }
        }
    }

    public static class Base {
        static {
            EVENTS.add("Base.<clinit>");
        }
    }

    @Generator
    public static Iterable<String> single() {
        EVENTS.add("before");
        Single s = new Single(Yield.value("1"));
        EVENTS.add("after " + s.value);
        Yield.value("done");
        return Yield.done();
    }

    @Generator
    public static Iterable<String> nested() {
        EVENTS.add("before");
        new Outer(new Inner(Yield.value("1")));
        EVENTS.add("after");
        Yield.value("done");
        return Yield.done();
    }

    /** A subclass: NEW initializes the superclass first, then the class. */
    @Generator
    public static Iterable<String> withSuperclass() {
        EVENTS.add("before");
        new SubInit.Holder(Yield.value("1"));
        EVENTS.add("after");
        Yield.value("done");
        return Yield.done();
    }

    /** The constructor argument expression itself initializes a class after the NEW. */
    @Generator
    public static Iterable<String> argumentInitializesAnotherClass() {
        EVENTS.add("before");
        new Single2(Yield.value("1"), new SuperInit("arg"));
        EVENTS.add("after");
        Yield.value("done");
        return Yield.done();
    }

    public static final class Single2 {
        static {
            EVENTS.add("Single2.<clinit>");
        }

        public Single2(Object value, Object other) {
            EVENTS.add("Single2(" + value + ")");
        }
    }
}
