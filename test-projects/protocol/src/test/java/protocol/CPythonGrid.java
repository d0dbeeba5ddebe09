package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What {@link CloseGridAgainstCPythonTest} and {@link SendRaiseGridAgainstCPythonTest} share, as
 * {@code src/test/python/grid_common.py} does for their Python twins: the chains 1 to 4 deep with
 * up to two nodes given one of the variants (or made a {@link #tailNode}), each run under every drive, and the comparison with
 * the lines the Python script prints.
 */
final class CPythonGrid {

    /** One case: a chain {@code depth} deep whose node k catches {@code catches[k]} and then does {@code modes[k]}. */
    interface Case {
        String run(int depth, String[] catches, String[] modes, String drive);
    }

    /** The exceptions the grids' nodes throw and catch, as their Python twins' X and Y. */
    static final class X extends RuntimeException {
        X(String m) {
            super(m);
        }
    }

    static final class Y extends RuntimeException {
        Y(String m) {
            super(m);
        }
    }

    private CPythonGrid() {}

    /** A delegate that returns at once (or, given {@code never}, yields first), in both grids. */
    @Generator
    static Coroutine<Object, Object, Object> emptyLeaf(String name, boolean never, List<String> log) {
        try {
            if (never) {
                Yield.value("never");
            }
            return Yield.done(name + "E");
        } finally {
            log.add("fin " + name);
        }
    }

    /**
     * Every generator the case being run made, in order: for the close grid's states, and so
     * that each stays reachable until the case ends, as the Python twins keep theirs.
     */
    static List<Coroutine<?, ?, ?>> registry = new ArrayList<>();

    static <T extends Coroutine<?, ?, ?>> T reg(T c) {
        registry.add(c);
        return c;
    }

    /** The variant that makes a node {@link #tailNode}, beside those of the catches and modes given. */
    static final String TAIL = "tail";

    /**
     * A node whose last act is its {@code Yield.all}, outside any {@code try}, as the right
     * subtree's in a tree walk: where no agent watches, the runtime ends it as its child returns,
     * without resuming it; everything else resumes it, and it lets everything pass.
     */
    @Generator
    static Coroutine<Object, Object, Object> tailNode(String name, Coroutine<Object, Object, ?> child) {
        if (child == null) {
            Yield.value(name + "v");
            return Yield.done();
        }
        Yield.all(child);
        return Yield.done();
    }

    /** A value as the Python twins print it: null as {@code null}. */
    static String s(Object o) {
        return o == null ? "null" : o.toString();
    }

    static List<String> lines(String[] catches, String[] modes, String[] drives, String driveName, Case run) {
        List<String> variants = new ArrayList<>();
        for (String c : catches) {
            for (String m : modes) {
                variants.add(c + ":" + m);
            }
        }
        variants.add(TAIL + ":none");
        List<String> out = new ArrayList<>();
        for (int d = 1; d <= 4; d++) {
            for (int i = -1; i < d; i++) {
                for (int j = i; j < d; j++) {
                    if (j == i && i != -1) {
                        continue;
                    }
                    for (String a : i < 0 ? List.of("none:none") : variants) {
                        for (String b : j < 0 ? List.of("none:none") : variants) {
                            String[] cat = new String[d];
                            String[] mode = new String[d];
                            for (int k = 0; k < d; k++) {
                                cat[k] = "none";
                                mode[k] = "none";
                            }
                            if (i >= 0) {
                                cat[i] = a.split(":")[0];
                                mode[i] = a.split(":")[1];
                            }
                            if (j >= 0) {
                                cat[j] = b.split(":")[0];
                                mode[j] = b.split(":")[1];
                            }
                            for (String drive : drives) {
                                StringBuilder id = new StringBuilder("d=" + d + " " + driveName + "=" + drive.replace(" ", ","));
                                for (int k = 0; k < d; k++) {
                                    id.append(" n").append(k).append("=").append(cat[k]).append(":").append(mode[k]);
                                }
                                out.add(id + " | " + run.run(d, cat, mode, drive));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Asserts that every case's outcome, as {@code outcome} keeps of its line, is Python's. */
    static void assertAsInPython(List<String> java, String script, UnaryOperator<String> outcome)
            throws IOException, InterruptedException {
        List<String> python = python(Path.of("src", "test", "python", script));
        assertEquals(python.size(), java.size(), "cases");
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < java.size(); i++) {
            if (!outcome.apply(java.get(i)).equals(outcome.apply(python.get(i)))) {
                differing.add("java:   " + java.get(i) + "\npython: " + python.get(i));
            }
        }
        assertEquals(
                List.of(),
                differing.subList(0, Math.min(3, differing.size())),
                differing.size() + " of " + java.size() + " cases differ");
    }

    private static List<String> python(Path script) throws IOException, InterruptedException {
        Process process;
        try {
            // Its stderr is dropped: generators still suspended when it exits may print there.
            process = new ProcessBuilder("python3", script.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException noPython) {
            assumeTrue(false, "no python3 here: " + noPython.getMessage());
            throw noPython;
        }
        List<String> lines;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines = out.lines().collect(Collectors.toList());
        }
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "python3 " + script + " did not finish");
        assertEquals(0, process.exitValue(), "python3 " + script + " failed");
        return lines;
    }
}
