package shapes;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.GeneratorExit;
import dev.generators.Yield;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/** try/catch/finally and try-with-resources around yields; exceptions out of the body. */
public final class Handlers {

    private Handlers() {
    }

    /** A resource that logs its opening and closing. */
    public static final class Resource implements AutoCloseable {
        private final String name;
        private final List<String> log;

        public Resource(String name, List<String> log) {
            this.name = name;
            this.log = log;
            log.add("open " + name);
        }

        public String name() {
            return name;
        }

        @Override
        public void close() {
            log.add("close " + name);
        }
    }

    /** The division happens after a resume; the original handler catches it. */
    @Generator
    public static Iterable<String> catchAfterResume(int divisor) {
        try {
            Yield.value("before");
            int q = 10 / divisor;
            Yield.value("quotient " + q);
        } catch (ArithmeticException e) {
            Yield.value("caught " + e.getMessage());
        }
        Yield.value("after");
        return Yield.done();
    }

    /** The caught exception is still in its local after the catch block yields. */
    @Generator
    public static Iterable<String> exceptionLocalSurvivesYield(String number) {
        try {
            Yield.value("parsing");
            Yield.value("parsed " + Integer.parseInt(number));
        } catch (NumberFormatException e) {
            Yield.value("first");
            Yield.value(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return Yield.done();
    }

    /** A finally block runs on normal completion, after the last value. */
    @Generator
    public static Iterable<Integer> finallyOnCompletion(List<String> log) {
        try {
            Yield.value(1);
            Yield.value(2);
        } finally {
            log.add("finally");
        }
        log.add("end");
        return Yield.done();
    }

    /** A finally block that yields itself, run on the normal path and on the exceptional path. */
    @Generator
    public static Iterable<String> yieldingFinally(boolean fail) {
        try {
            try {
                Yield.value("body");
                if (fail) {
                    throw new IllegalStateException("failed");
                }
            } finally {
                Yield.value("finally 1");
                Yield.value("finally 2");
            }
            Yield.value("after");
        } catch (IllegalStateException e) {
            Yield.value("caught " + e.getMessage());
        }
        return Yield.done();
    }

    /** try-with-resources: the resource is closed after the last value, and not before. */
    @Generator
    public static Iterable<String> withResource(List<String> log) {
        try (Resource r = new Resource("a", log)) {
            Yield.value(r.name() + "1");
            Yield.value(r.name() + "2");
        }
        Yield.value("closed");
        return Yield.done();
    }

    /** Two resources, closed in reverse order, with a failure in the body that a catch sees after both closes. */
    @Generator
    public static Iterable<String> twoResources(List<String> log, boolean fail) {
        try (Resource a = new Resource("a", log); Resource b = new Resource("b", log)) {
            Yield.value(a.name() + b.name());
            if (fail) {
                throw new IllegalArgumentException("inside");
            }
            Yield.value("no failure");
        } catch (IllegalArgumentException e) {
            log.add("catch " + e.getMessage());
            Yield.value("caught");
        }
        return Yield.done();
    }

    /** Nested try blocks, the inner rethrowing to the outer. */
    @Generator
    public static Iterable<String> nestedTry(int failAt) {
        try {
            for (int i = 0; i < 4; i++) {
                try {
                    if (i == failAt) {
                        throw new IllegalStateException("at " + i);
                    }
                    Yield.value("ok " + i);
                } catch (IllegalStateException e) {
                    Yield.value("inner " + e.getMessage());
                    throw new RuntimeException("rethrown " + e.getMessage(), e);
                } finally {
                    Yield.value("inner finally " + i);
                }
            }
        } catch (RuntimeException e) {
            Yield.value("outer " + e.getMessage());
        } finally {
            Yield.value("outer finally");
        }
        return Yield.done();
    }

    /** Finally runs on break and continue out of a try that yielded. */
    @Generator
    public static Iterable<String> finallyOnJumps() {
        for (int i = 0; i < 4; i++) {
            try {
                if (i == 1) {
                    continue;
                }
                if (i == 3) {
                    break;
                }
                Yield.value("body " + i);
            } finally {
                Yield.value("finally " + i);
            }
        }
        return Yield.done();
    }

    /** Multi-catch with a yield in the handler. */
    @Generator
    public static Iterable<String> multiCatch(List<Object> inputs) {
        for (Object in : inputs) {
            try {
                Yield.value("len " + ((String) in).length());
            } catch (ClassCastException | NullPointerException e) {
                Yield.value(e.getClass().getSimpleName());
            }
        }
        return Yield.done();
    }

    /** An unchecked exception leaves next() unchanged; the generator is finished afterwards. */
    @Generator
    public static Iterator<Integer> failsAfter(int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(i);
        }
        throw new IllegalStateException("boom after " + n);
    }

    /** A checked exception thrown through the body comes out of next() unwrapped. */
    @Generator
    public static Iterator<String> readLines(List<String> lines) throws IOException {
        for (String line : lines) {
            if (line.isEmpty()) {
                throw new IOException("empty line");
            }
            Yield.value(line);
        }
        return Yield.done();
    }

    private static void sneaky() throws IOException {
        throw new IOException("from a callee");
    }

    /** A checked exception from a method called by the body. */
    @Generator
    public static Iterable<String> checkedFromCallee() throws IOException {
        Yield.value("before");
        sneaky();
        Yield.value("never");
        return Yield.done();
    }

    /** A checked exception caught inside the body and turned into an unchecked one after a yield. */
    @Generator
    public static Iterable<String> wrapChecked() {
        try {
            Yield.value("trying");
            sneaky();
        } catch (IOException e) {
            Yield.value("wrapping");
            throw new UncheckedIOException(e);
        }
        return Yield.done();
    }

    /** An Error, not an Exception, propagates too. */
    @Generator
    public static Iterable<String> throwsError() {
        Yield.value("ok");
        throw new AssertionError("an error");
    }

    /** Coroutine.raise resumes by throwing at the pending yield; the body's catch sees it. */
    @Generator
    public static Coroutine<String, Object, String> raiseTarget(List<String> log) {
        int caught = 0;
        while (caught < 2) {
            try {
                Object got = Yield.value("waiting " + caught);
                log.add("got " + got);
            } catch (IllegalArgumentException e) {
                caught++;
                log.add("caught " + e.getMessage());
            }
        }
        return Yield.done("caught " + caught);
    }

    /** close() throws GeneratorExit at the pending yield; a catch (Exception) must not see it, finally must. */
    @Generator
    public static Coroutine<String, Object, Object> closeTarget(List<String> log) {
        try {
            Yield.value("one");
            Yield.value("two");
        } catch (Exception e) {
            log.add("except");
        } finally {
            log.add("finally");
        }
        return Yield.done();
    }

    /** A body that catches GeneratorExit and yields again: close() throws IllegalStateException. */
    @Generator
    public static Coroutine<String, Object, Object> yieldsWhileClosing() {
        try {
            Yield.value("first");
        } catch (GeneratorExit e) {
            Yield.value("foo!");
        }
        return Yield.done();
    }
}
