package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.jdi.Location;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.event.LocatableEvent;
import com.sun.jdi.request.StepRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The debugger path, for real: a rewritten generator runs in a separate JVM under JDI, with
 * breakpoints on lines of its body, the locals read by name after each resume, and steps from
 * one yield to the next over the consumer's {@code hasNext()}/{@code next()} calls.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DebuggerTest {

    /** The debuggee; the comment at the end of a line names it for {@link #line}. */
    private static final String SOURCE = """
            import dev.generators.Generator;
            import dev.generators.Yield;
            import java.util.Iterator;

            public class Counting {
                @Generator
                static Iterator<String> count(String prefix, int n) {
                    long total = 0;                               // FIRST
                    for (int i = 0; i < n; i++) {                 // LOOP
                        String label = prefix + i;                // LABEL
                        total += i;                               // BEFORE_YIELD
                        Yield.value(label);                       // YIELD
                        total += 100;                             // AFTER_YIELD
                        String after = label + "/" + total;       // AFTER
                        System.out.println(after);                // PRINT
                    }
                    return Yield.done();
                }

                public static void main(String[] args) {
                    Iterator<String> it = count("item", 3);
                    while (it.hasNext()) {                        // CALLER_HAS_NEXT
                        String value = it.next();                 // CALLER_NEXT
                        System.out.println("main got " + value);
                    }
                }
            }
            """;

    /**
     * A second debuggee, for where a step into first stops: a static generator with an object and
     * an int argument, stepped into at its start and at its second resume, and an instance
     * generator that reads a field of its receiver.
     */
    private static final String FIRST_STOPS = """
            import dev.generators.Generator;
            import dev.generators.Yield;
            import java.util.Iterator;

            public class FirstStops {
                private final String unit;

                FirstStops(String unit) {
                    this.unit = unit;
                }

                @Generator
                static Iterator<String> repeat(String word, int times) {
                    int done = 0;                                 // REPEAT_FIRST
                    while (done < times) {
                        Yield.value(word + done);                 // REPEAT_YIELD
                        done++;                                   // REPEAT_AFTER_YIELD
                    }
                    return Yield.done();
                }

                @Generator
                Iterator<String> measure(int count) {
                    for (int k = 0; k < count; k++) {             // MEASURE_FIRST
                        Yield.value(k + unit);
                    }
                    return Yield.done();
                }

                public static void main(String[] args) {
                    Iterator<String> words = repeat("go", 3);
                    String first = words.next();                  // START_REPEAT
                    String second = words.next();
                    String third = words.next();                  // RESUME_REPEAT_AGAIN
                    Iterator<String> sizes = new FirstStops("cm").measure(2);
                    String size = sizes.next();                   // START_MEASURE
                    System.out.println(first + second + third + size);
                }
            }
            """;

    private static final String MAIN = "Counting";
    /** The method that holds the body of {@code count}, as stack traces and debuggers name it. */
    private static final String METHOD = "count-body";

    /** What the debuggee prints when it runs to its end. */
    private static final String OUTPUT = String.join(
            System.lineSeparator(),
            "main got item0",
            "item0/100",
            "main got item1",
            "item1/201",
            "main got item2",
            "item2/303",
            "");

    /** The runtime and the generator classes, which a user steps through without seeing them. */
    private static final String[] RUNTIME_FILTERS = {"dev.generators.*", "*$Generator", "java.*", "jdk.*", "sun.*"};

    /** The classes IntelliJ's debugger does not step into unless told otherwise: the JDK's. */
    private static final String[] JDK_FILTERS = {"java.*", "javax.*", "jdk.*", "sun.*", "com.sun.*"};

    /** The 1-based line of {@link #SOURCE} that ends with the comment {@code // marker}. */
    static int line(String marker) {
        return line(SOURCE, marker);
    }

    /** The 1-based line of {@code source} that ends with the comment {@code // marker}. */
    static int line(String source, String marker) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("// " + marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line marked " + marker);
    }

    /** The rewritten classes of {@link #SOURCE}, written as class files into {@code dir}. */
    private static Path classes(Path dir) throws IOException {
        return classes(dir, SOURCE);
    }

    /** The rewritten classes of {@code source}, written as class files into {@code dir}. */
    private static Path classes(Path dir, String source) throws IOException {
        for (Map.Entry<String, byte[]> entry : Compiler.rewrite(source).entrySet()) {
            Path file = dir.resolve(entry.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        return dir;
    }

    private static Map<String, Object> frame(String prefix, int n, long total, int i, String label) {
        Map<String, Object> locals = new LinkedHashMap<>();
        locals.put("prefix", prefix);
        locals.put("n", n);
        locals.put("total", total);
        locals.put("i", i);
        if (label != null) {
            locals.put("label", label);
        }
        return locals;
    }

    /** Asserts that the stop is in the user's method, on {@code line}, and shows these locals by name with these values. */
    private static void assertStop(LocatableEvent stop, int line, Map<String, Object> expected) {
        Location location = stop.location();
        StackFrame top = Debuggee.top(stop.thread());
        String where = Debuggee.describe(location);
        assertEquals(MAIN, location.declaringType().name(), () -> "class at " + where);
        assertEquals(METHOD, location.method().name(), () -> "method at " + where);
        assertEquals(
                line, location.lineNumber(), () -> "line at " + where + ", stack " + Debuggee.stack(stop.thread()));
        Map<String, Object> locals = Debuggee.locals(top);
        Map<String, Object> seen = new LinkedHashMap<>();
        for (String name : expected.keySet()) {
            if (locals.containsKey(name)) {
                seen.put(name, locals.get(name));
            }
        }
        assertEquals(expected, seen, () -> "locals at " + where + "; all visible: " + locals);
    }

    /** The line of the consumer's frame ({@code main}) on the thread's stack. */
    private static int callerLine(ThreadReference thread) {
        try {
            for (StackFrame frame : thread.frames()) {
                if (frame.location().method().name().equals("main")) {
                    return frame.location().lineNumber();
                }
            }
        } catch (com.sun.jdi.IncompatibleThreadStateException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no main on the stack " + Debuggee.stack(thread));
    }

    @Test
    void breakpointsAfterAYieldStopWithTheLocalsOfEachResume(@TempDir Path dir) throws IOException {
        try (Debuggee debuggee = Debuggee.launch(classes(dir), MAIN, line("BEFORE_YIELD"), line("AFTER_YIELD"))) {
            long[] totalBefore = {0, 100, 201};
            long[] totalAfter = {0, 101, 203};
            for (int i = 0; i < 3; i++) {
                LocatableEvent before = debuggee.resumeToStop();
                assertStop(before, line("BEFORE_YIELD"), frame("item", 3, totalBefore[i], i, "item" + i));
                assertEquals("Counting.java", sourceName(before.location()));
                assertEquals(
                        line("CALLER_HAS_NEXT"), callerLine(before.thread()), "the body runs inside main's hasNext()");

                // hit after the resume that main's next hasNext() makes
                LocatableEvent after = debuggee.resumeToStop();
                assertStop(after, line("AFTER_YIELD"), frame("item", 3, totalAfter[i], i, "item" + i));
                assertEquals(
                        line("CALLER_HAS_NEXT"),
                        callerLine(after.thread()),
                        "the body resumes inside main's hasNext()");
            }
            assertEquals(OUTPUT, debuggee.resumeToEnd());
        }
    }

    @Test
    void stepOverWalksTheBodyLineByLineAfterAResume(@TempDir Path dir) throws IOException {
        try (Debuggee debuggee = Debuggee.launch(classes(dir), MAIN, line("AFTER_YIELD"))) {
            assertStop(debuggee.resumeToStop(), line("AFTER_YIELD"), frame("item", 3, 0, 0, "item0"));
            LocatableEvent stop = debuggee.resumeToStop();
            assertStop(stop, line("AFTER_YIELD"), frame("item", 3, 101, 1, "item1"));
            debuggee.clearBreakpoints();
            ThreadReference thread = stop.thread();

            stop = debuggee.step(thread, StepRequest.STEP_OVER);
            assertStop(stop, line("AFTER"), frame("item", 3, 201, 1, "item1"));
            stop = debuggee.step(thread, StepRequest.STEP_OVER);
            Map<String, Object> withAfter = frame("item", 3, 201, 1, "item1");
            withAfter.put("after", "item1/201");
            assertStop(stop, line("PRINT"), withAfter);
            stop = debuggee.step(thread, StepRequest.STEP_OVER);
            assertStop(stop, line("LOOP"), frame("item", 3, 201, 1, null));
            stop = debuggee.step(thread, StepRequest.STEP_OVER);
            assertStop(stop, line("LABEL"), frame("item", 3, 201, 2, null));
            stop = debuggee.step(thread, StepRequest.STEP_OVER);
            assertStop(stop, line("BEFORE_YIELD"), frame("item", 3, 201, 2, "item2"));
            stop = debuggee.step(thread, StepRequest.STEP_OVER);
            assertStop(stop, line("YIELD"), frame("item", 3, 203, 2, "item2"));
            assertEquals(OUTPUT, debuggee.resumeToEnd());
        }
    }

    /**
     * From the yield, stepping (into, with the runtime and the generator classes filtered, as a user
     * does not want to walk through them) goes out to the consumer, and from the consumer's next
     * {@code hasNext()} back into the body, where the stepping goes on after the yield with the
     * frame restored.
     */
    @Test
    void stepIntoTheNextCallGoesFromTheYieldToTheLineAfterIt(@TempDir Path dir) throws IOException {
        try (Debuggee debuggee = Debuggee.launch(classes(dir), MAIN, line("YIELD"))) {
            LocatableEvent stop = debuggee.resumeToStop();
            assertStop(stop, line("YIELD"), frame("item", 3, 0, 0, "item0"));
            debuggee.clearBreakpoints();
            ThreadReference thread = stop.thread();

            LocatableEvent out = debuggee.step(thread, StepRequest.STEP_INTO, RUNTIME_FILTERS);
            assertEquals(
                    "main",
                    out.location().method().name(),
                    () -> "the yield returns to the consumer, not " + Debuggee.describe(out.location()));
            assertEquals(line("CALLER_HAS_NEXT"), out.location().lineNumber());

            // main prints item0 and calls hasNext(), which resumes the body
            List<String> trail = new ArrayList<>();
            List<String> bodyStopsBeforeTheNextLine = new ArrayList<>();
            boolean reentered = false;
            LocatableEvent current;
            for (int steps = 0; ; steps++) {
                if (steps == 30) {
                    fail("30 steps did not reach line " + line("AFTER_YIELD") + " of the body: " + trail);
                }
                current = debuggee.step(thread, StepRequest.STEP_INTO, RUNTIME_FILTERS);
                Location location = current.location();
                Map<String, Object> locals = Debuggee.locals(Debuggee.top(thread));
                trail.add(Debuggee.describe(location) + " " + locals);
                if (!location.method().name().equals(METHOD)) {
                    assertEquals(
                            "main", location.method().name(), () -> "stepped into neither main nor the body: " + trail);
                    continue;
                }
                reentered = true;
                if (location.lineNumber() == line("AFTER_YIELD")) {
                    break;
                }
                bodyStopsBeforeTheNextLine.add(Debuggee.describe(location) + " " + locals);
            }
            assertTrue(reentered);
            assertStop(current, line("AFTER_YIELD"), frame("item", 3, 0, 0, "item0"));
            assertTrue(
                    trail.stream()
                            .anyMatch(
                                    t -> t.startsWith("Counting.main") && t.contains(":" + line("CALLER_NEXT") + " ")),
                    () -> "the consumer's next() was stepped over: " + trail);

            stop = debuggee.step(thread, StepRequest.STEP_OVER);
            assertStop(stop, line("AFTER"), frame("item", 3, 100, 0, "item0"));

            // Entering a method, a step stops at its first instruction: for a generator that is the
            // dispatch, which has no line of its own and which debuggers count as part of the
            // body's first line, where the arguments show (from their fields) and nothing else.
            // Then it stops at the yield's line with the frame restored, and goes on from there.
            String entry = ":" + line("FIRST") + " ";
            String resumed = ":" + line("YIELD") + " ";
            assertEquals(2, bodyStopsBeforeTheNextLine.size(), () -> "stops on re-entry: " + trail);
            assertTrue(
                    bodyStopsBeforeTheNextLine.get(0).contains(entry)
                            && bodyStopsBeforeTheNextLine.get(0).endsWith(" {prefix=item, n=3}"),
                    () -> "first stop on re-entry: " + trail);
            assertTrue(
                    bodyStopsBeforeTheNextLine.get(1).contains(resumed)
                            && bodyStopsBeforeTheNextLine.get(1).contains("i=0")
                            && bodyStopsBeforeTheNextLine.get(1).contains("label=item0"),
                    () -> "second stop on re-entry: " + trail);
        }
    }

    /**
     * A step into as an IDE makes it with "skip synthetic methods" on (IntelliJ's default): wherever
     * the step lands in a synthetic method, in the runtime ({@code dev.generators.*}) or in code
     * without a line, one more step into. Returns the first stop elsewhere. {@code excluded} are
     * the classes the IDE does not step into: {@link #JDK_FILTERS} for IntelliJ's default.
     */
    private static LocatableEvent stepIntoAsTheIde(Debuggee debuggee, ThreadReference thread, String... excluded) {
        List<String> skipped = new ArrayList<>();
        for (int steps = 0; steps < 200; steps++) {
            LocatableEvent stop = debuggee.step(thread, StepRequest.STEP_INTO, excluded);
            Location location = stop.location();
            if (!location.method().isSynthetic()
                    && !location.declaringType().name().startsWith("dev.generators.")
                    && location.lineNumber() > 0) {
                return stop;
            }
            skipped.add(Debuggee.describe(location));
        }
        throw new AssertionError("200 steps stayed in synthetic methods or the runtime: " + skipped);
    }

    /**
     * With synthetic methods skipped, step into from the consumer's first {@code hasNext()}
     * arrives at the body's first line with the arguments shown, as in any method; stepping on
     * walks the body with its locals by their source names, out to the consumer at the yield, and
     * from the consumer's next {@code hasNext()} back into the body: at its first line, where a
     * debugger places the method's entry, with the arguments shown again, then at the yield with
     * the frame restored, then on.
     */
    @Test
    void stepIntoFromTheConsumerArrivesInTheBodyWithSyntheticMethodsSkipped(@TempDir Path dir) throws IOException {
        try (Debuggee debuggee = Debuggee.launch(classes(dir), MAIN, line("CALLER_HAS_NEXT"))) {
            ThreadReference thread = debuggee.resumeToStop().thread();
            debuggee.clearBreakpoints();

            LocatableEvent stop = stepIntoAsTheIde(debuggee, thread, JDK_FILTERS);
            assertStop(stop, line("FIRST"), Map.of());
            assertEquals(
                    Map.of("prefix", "item", "n", 3),
                    Debuggee.locals(Debuggee.top(thread)),
                    "at the first stop, exactly the arguments");
            stop = stepIntoAsTheIde(debuggee, thread, JDK_FILTERS);
            assertStop(stop, line("LOOP"), Map.of());
            assertEquals(
                    Map.of("prefix", "item", "n", 3, "total", 0L),
                    Debuggee.locals(Debuggee.top(thread)),
                    "before the loop, exactly the arguments and total");
            stop = stepIntoAsTheIde(debuggee, thread, JDK_FILTERS);
            assertStop(stop, line("LABEL"), frame("item", 3, 0, 0, null));
            stop = stepIntoAsTheIde(debuggee, thread, JDK_FILTERS);
            assertStop(stop, line("BEFORE_YIELD"), frame("item", 3, 0, 0, "item0"));
            stop = stepIntoAsTheIde(debuggee, thread, JDK_FILTERS);
            assertStop(stop, line("YIELD"), frame("item", 3, 0, 0, "item0"));

            List<String> trail = new ArrayList<>();
            List<Integer> bodyLines = new ArrayList<>();
            for (int steps = 0; !bodyLines.contains(line("AFTER_YIELD")); steps++) {
                if (steps == 30) {
                    fail("30 steps did not come back to line " + line("AFTER_YIELD") + " of the body: " + trail);
                }
                stop = stepIntoAsTheIde(debuggee, thread, JDK_FILTERS);
                Location location = stop.location();
                trail.add(Debuggee.describe(location) + " " + Debuggee.locals(Debuggee.top(thread)));
                if (location.method().name().equals(METHOD)) {
                    if (bodyLines.isEmpty()) {
                        assertEquals(
                                Map.of("prefix", "item", "n", 3),
                                Debuggee.locals(Debuggee.top(thread)),
                                () -> "at the first stop of a resume, exactly the arguments: " + trail);
                    }
                    if (bodyLines.isEmpty() || bodyLines.get(bodyLines.size() - 1) != location.lineNumber()) {
                        // received(), at the resume point, is a call into the runtime: stepping
                        // into it and on comes back to the yield's line after the call
                        bodyLines.add(location.lineNumber());
                    }
                } else {
                    assertEquals(
                            "main", location.method().name(), () -> "stepped into neither main nor the body: " + trail);
                }
            }
            assertEquals(List.of(line("FIRST"), line("YIELD"), line("AFTER_YIELD")), bodyLines, trail::toString);
            assertStop(stop, line("AFTER_YIELD"), frame("item", 3, 0, 0, "item0"));
            assertEquals(OUTPUT, debuggee.resumeToEnd());
        }
    }

    /** Asserts a stop in {@code type.method} on {@code line} that shows exactly {@code locals}. */
    private static void assertFirstStop(
            LocatableEvent stop, String type, String method, int line, Map<String, Object> locals) {
        Location location = stop.location();
        String where = Debuggee.describe(location) + ", stack " + Debuggee.stack(stop.thread());
        assertEquals(type, location.declaringType().name(), () -> "class at " + where);
        assertEquals(method, location.method().name(), () -> "method at " + where);
        assertEquals(line, location.lineNumber(), () -> "line at " + where);
        assertEquals(locals, Debuggee.locals(Debuggee.top(stop.thread())), () -> "locals at " + where);
    }

    /**
     * Step into from a consumer's call, as an IDE with synthetic methods skipped makes it, first
     * stops at the body's first line, with the arguments shown by their source names and values:
     * for a static generator at its start and at its second resume (from the fields, before the
     * frame is restored; stepping on then restores it at the yield's line), and for an instance
     * generator, whose receiver shows as {@code $this}. No class is filtered: the JDK is not
     * entered on the way.
     */
    @Test
    void theFirstStopOfAStepIntoIsTheBodysFirstLineWithTheArguments(@TempDir Path dir) throws IOException {
        String main = "FirstStops";
        int repeatFirst = line(FIRST_STOPS, "REPEAT_FIRST");
        try (Debuggee debuggee = Debuggee.launch(
                classes(dir, FIRST_STOPS),
                main,
                line(FIRST_STOPS, "START_REPEAT"),
                line(FIRST_STOPS, "RESUME_REPEAT_AGAIN"),
                line(FIRST_STOPS, "START_MEASURE"))) {
            ThreadReference thread = debuggee.resumeToStop().thread();
            Map<String, Object> arguments = Map.of("word", "go", "times", 3);
            assertFirstStop(stepIntoAsTheIde(debuggee, thread), main, "repeat-body", repeatFirst, arguments);
            assertFirstStop(
                    stepIntoAsTheIde(debuggee, thread),
                    main,
                    "repeat-body",
                    line(FIRST_STOPS, "REPEAT_YIELD") - 1,
                    Map.of("word", "go", "times", 3, "done", 0));

            assertEquals(
                    line(FIRST_STOPS, "RESUME_REPEAT_AGAIN"),
                    debuggee.resumeToStop().location().lineNumber());
            assertFirstStop(stepIntoAsTheIde(debuggee, thread), main, "repeat-body", repeatFirst, arguments);
            Map<String, Object> restored = Map.of("word", "go", "times", 3, "done", 1);
            int yieldLine = line(FIRST_STOPS, "REPEAT_YIELD");
            LocatableEvent stop = stepIntoAsTheIde(debuggee, thread);
            assertFirstStop(stop, main, "repeat-body", yieldLine, restored);
            // the resume point calls received(), in the runtime: stepping into it and on comes
            // back to the yield's line after the call
            while (stop.location().lineNumber() == yieldLine) {
                stop = stepIntoAsTheIde(debuggee, thread);
            }
            assertFirstStop(stop, main, "repeat-body", line(FIRST_STOPS, "REPEAT_AFTER_YIELD"), restored);

            assertEquals(
                    line(FIRST_STOPS, "START_MEASURE"),
                    debuggee.resumeToStop().location().lineNumber());
            stop = stepIntoAsTheIde(debuggee, thread);
            assertFirstStop(
                    stop, main, "measure-body", line(FIRST_STOPS, "MEASURE_FIRST"), Map.of("$this", main, "count", 2));
            StackFrame top = Debuggee.top(thread);
            ObjectReference receiver;
            try {
                receiver = (ObjectReference) top.getValue(top.visibleVariableByName("$this"));
            } catch (com.sun.jdi.AbsentInformationException e) {
                throw new AssertionError(e);
            }
            Value unit = receiver.getValue(receiver.referenceType().fieldByName("unit"));
            assertEquals("cm", ((StringReference) unit).value(), "$this is the object measure() was called on");
            assertEquals("go0go1go20cm" + System.lineSeparator(), debuggee.resumeToEnd());
        }
    }

    /**
     * A plain step over the yield (no step filters) returns out of the body, as a return does; it
     * must stop where the debugger can show a source line. With the runtime filtered it stops in
     * the consumer.
     */
    @Test
    void stepOverTheYieldStopsAtASourceLine(@TempDir Path dir) throws IOException {
        try (Debuggee debuggee = Debuggee.launch(classes(dir), MAIN, line("BEFORE_YIELD"))) {
            LocatableEvent stop = debuggee.resumeToStop();
            assertStop(stop, line("BEFORE_YIELD"), frame("item", 3, 0, 0, "item0"));
            ThreadReference thread = stop.thread();
            stop = debuggee.step(thread, StepRequest.STEP_OVER);
            assertStop(stop, line("YIELD"), frame("item", 3, 0, 0, "item0"));
            LocatableEvent filtered = debuggee.step(thread, StepRequest.STEP_OVER, RUNTIME_FILTERS);
            assertEquals("main", filtered.location().method().name(), () -> Debuggee.describe(filtered.location()));
            assertEquals(line("CALLER_HAS_NEXT"), filtered.location().lineNumber());

            stop = debuggee.resumeToStop();
            assertStop(stop, line("BEFORE_YIELD"), frame("item", 3, 100, 1, "item1"));
            stop = debuggee.step(thread, StepRequest.STEP_OVER);
            assertStop(stop, line("YIELD"), frame("item", 3, 101, 1, "item1"));
            LocatableEvent unfiltered = debuggee.step(thread, StepRequest.STEP_OVER);
            // Without filters the step stops in the generator class's resume(), which carries the
            // generator's declaration line so that the debugger still has a line of Counting.java.
            assertTrue(
                    unfiltered.location().lineNumber() > 0,
                    () -> "step over the yield stopped without a source line at "
                            + Debuggee.describe(unfiltered.location()) + ", stack " + Debuggee.stack(thread));
            assertEquals("Counting.java", sourceName(unfiltered.location()));
        }
    }

    /**
     * A breakpoint on the yield's own line stops twice per yield, both times with the frame: when
     * the body gets there and suspends, and when it resumes there (the resume point is that line,
     * as a loop's head is hit on each turn; docs/how-it-works.md).
     */
    @Test
    void aBreakpointOnTheYieldStopsWhereItSuspendsAndWhereItResumes(@TempDir Path dir) throws IOException {
        try (Debuggee debuggee = Debuggee.launch(classes(dir), MAIN, line("YIELD"))) {
            long[] total = {0, 101, 203};
            for (int i = 0; i < 3; i++) {
                assertStop(debuggee.resumeToStop(), line("YIELD"), frame("item", 3, total[i], i, "item" + i));
                assertStop(debuggee.resumeToStop(), line("YIELD"), frame("item", 3, total[i], i, "item" + i));
            }
            assertEquals(OUTPUT, debuggee.resumeToEnd());
        }
    }

    private static String sourceName(Location location) {
        try {
            return location.sourceName();
        } catch (com.sun.jdi.AbsentInformationException e) {
            throw new AssertionError("no source file name at " + Debuggee.describe(location), e);
        }
    }
}
