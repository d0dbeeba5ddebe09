package validation;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;
import java.util.List;

/**
 * try/finally, try/catch/finally and try-with-resources around yields. Every compiler inlines
 * finally blocks at each exit (normal, break, continue, return, exception) and lays out the
 * exception table its own way; javac 9/10 even called a synthetic {@code $closeResource}.
 */
public final class Resources {

    private Resources() {
    }

    /** A resource that logs its opening and its closing. */
    public static final class Res implements AutoCloseable {
        final String name;
        private final List<String> log;

        public Res(String name, List<String> log) {
            this.name = name;
            this.log = log;
            log.add("open " + name);
        }

        @Override
        public void close() {
            log.add("close " + name);
        }
    }

    /** A resource whose close fails. */
    public static final class Failing implements AutoCloseable {
        @Override
        public void close() throws Exception {
            throw new Exception("close failed");
        }
    }

    @Generator
    public static Iterable<Integer> tryFinally(List<String> log) {
        try {
            Yield.value(1);
            log.add("between");
            Yield.value(2);
        } finally {
            log.add("finally");
        }
        log.add("end");
        return Yield.done();
    }

    /** A finally block that yields, on the normal and on the exceptional path. */
    @Generator
    public static Iterator<String> yieldInFinally(boolean fail) {
        try {
            Yield.value("try");
            if (fail) {
                throw new IllegalArgumentException("boom");
            }
            Yield.value("not failed");
        } finally {
            Yield.value("finally");
        }
        Yield.value("after");
        return Yield.done();
    }

    @Generator
    public static Iterable<String> nestedTry(int divisor) {
        try {
            try {
                Yield.value("inner");
                int q = 12 / divisor;
                Yield.value("q=" + q);
            } catch (ArithmeticException e) {
                Yield.value("caught " + e.getMessage());
            } finally {
                Yield.value("inner finally");
            }
            Yield.value("between");
        } finally {
            Yield.value("outer finally");
        }
        return Yield.done();
    }

    /** return inside try: the finally block runs, and yields, before the end. */
    @Generator
    public static Iterable<Integer> returnThroughFinally(int n, List<String> log) {
        try {
            for (int i = 0; ; i++) {
                if (i == n) {
                    return Yield.done();
                }
                Yield.value(i);
            }
        } finally {
            log.add("finally");
            Yield.value(-1);
        }
    }

    /** break and continue out of a try whose finally yields: the finally is inlined at each. */
    @Generator
    public static Iterable<String> breakThroughFinally(List<String> items) {
        for (String s : items) {
            try {
                if (s.isEmpty()) {
                    break;
                }
                if (s.startsWith("#")) {
                    continue;
                }
                Yield.value(s);
            } finally {
                Yield.value("f:" + s);
            }
        }
        return Yield.done();
    }

    @Generator
    public static Iterable<String> multiCatch(Object o) {
        try {
            Yield.value("start");
            String s = (String) o;
            Yield.value("parsed " + Integer.parseInt(s));
        } catch (ClassCastException | NumberFormatException e) {
            Yield.value(e.getClass().getSimpleName());
        }
        return Yield.done();
    }

    @Generator
    public static Iterable<String> withResource(List<String> log) {
        try (Res r = new Res("a", log)) {
            Yield.value("in " + r.name);
            Yield.value("still " + r.name);
        }
        Yield.value("out");
        return Yield.done();
    }

    @Generator
    public static Iterable<String> twoResources(List<String> log, boolean fail) {
        try (Res a = new Res("a", log); Res b = new Res("b", log)) {
            Yield.value(a.name + b.name);
            if (fail) {
                throw new IllegalStateException("fail");
            }
            Yield.value(b.name + a.name);
        } catch (IllegalStateException e) {
            Yield.value("caught " + e.getMessage() + " " + log);
        } finally {
            log.add("finally");
        }
        return Yield.done();
    }

    /** The body fails after a resume, the close fails too: the close's exception is suppressed. */
    @Generator
    public static Iterable<String> suppressed(boolean fail) {
        try {
            try (Failing f = new Failing()) {
                Yield.value("body");
                if (fail) {
                    throw new IllegalStateException("body failed");
                }
            }
        } catch (Exception e) {
            Throwable[] s = e.getSuppressed();
            Yield.value(e.getMessage() + " / " + (s.length == 0 ? "-" : s[0].getMessage()));
        }
        return Yield.done();
    }

    @Generator
    public static Iterable<String> nullResource() {
        try (Res r = null) {
            Yield.value("null is fine: " + (r == null));
        }
        return Yield.done();
    }

    /** Closing the coroutine at a yield inside try-with-resources closes the resource. */
    @Generator
    public static Coroutine<Integer, Object, Void> closedInside(List<String> log) {
        try (Res outer = new Res("outer", log)) {
            for (int i = 0; ; i++) {
                try (Res inner = new Res("inner" + i, log)) {
                    Yield.value(i);
                }
            }
        } finally {
            log.add("finally");
        }
    }

    /** A try/finally inside a finally, both yielding, and an exception that leaves through both. */
    @Generator
    public static Iterable<String> finallyInFinally(boolean fail, List<String> log) {
        try {
            Yield.value("body");
            if (fail) {
                throw new IllegalStateException("failed");
            }
        } finally {
            try {
                Yield.value("outer finally");
            } finally {
                log.add("inner finally");
                Yield.value("inner finally");
            }
        }
        return Yield.done();
    }
}
