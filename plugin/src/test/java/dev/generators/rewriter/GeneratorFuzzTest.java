package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.generators.Coroutine;
import dev.generators.rewriter.RandomGeneratorSource.Program;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Random {@code @Generator} methods (see {@link RandomGeneratorSource}), each compiled with javac,
 * rewritten, verified and run, against the same body run as a plain method that records what it
 * would yield. Both must yield the same values in the same order and end the same way (normally,
 * or with the same exception class and message), under plain iteration (every
 * {@code Yield.value} evaluates to null) and under {@code send} (it evaluates to what was sent).
 *
 * <p>System properties: {@code fuzz.count} programs (default 200, under a minute on an idle
 * machine) from seed {@code fuzz.start} (default 0), {@code fuzz.batch} programs per compiled
 * class (default 12), {@code fuzz.group} classes per compiler invocation (default 8),
 * {@code fuzz.compiler} one of {@code javac} (the running JDK's, the default), {@code javac25}
 * (JDK 25's, as a process, {@code --release 17}; skipped where it is not installed) and
 * {@code ecj}; {@code fuzz.timeout} seconds one program may run, or one class take to rewrite and
 * load, before it counts as hung (default 120); {@code fuzz.progress=true} prints a line per
 * compiler invocation; {@code fuzz.seed=N} runs program N alone. For example
 * {@code mvn test -pl plugin -Dinvoker.skip -Dtest=GeneratorFuzzTest -Dfuzz.compiler=ecj -Dfuzz.count=5000 -Dfuzz.start=1000}.
 * A failure names the seed and prints the program's whole source; every failing program is also
 * written to {@code target/fuzz-failures/}. {@code fuzz.verbose=true} prints what each run yielded.
 * A program the compiler itself crashes on, or compiles to code that does not verify before any
 * rewrite (ECJ 3.46 does for some), says nothing of the rewriter: it is skipped and counted.
 */
class GeneratorFuzzTest {

    private static final int DEFAULT_COUNT = 200;
    /**
     * How long one program may run, or one class of programs take to rewrite and load, before it
     * counts as hung ({@code fuzz.timeout}): generous, for a loaded machine compiles and runs a
     * cold JVM's first classes slowly, and every analysis of the rewriter is bounded anyway.
     */
    private static final long TIMEOUT_SECONDS = Long.getLong("fuzz.timeout", 120);

    private static final int MAX_VALUES = 100_000;
    private static final int FULL_REPORTS = 6;

    private record Outcome(List<String> values, String end, Throwable thrown) {}

    private record Failure(long seed, String kind, String summary, String detail) {}

    private final List<Failure> failures = new ArrayList<>();
    private ExecutorService runner = newRunner();
    /**
     * Refusals docs/limitations.md states, each with its message: a program that meets one is
     * checked to be refused with exactly that message, and counted apart.
     */
    private static final List<String> DOCUMENTED_REFUSALS = List.of(
            "the generator is larger than the JVM's 64 KB limit for a method once each yield saves and restores its live locals");

    private FuzzCompiler compiler;
    private int timeouts;
    private long compileNanos;
    private long rewriteNanos;
    private int refusedAsDocumented;
    /** Programs the compiler crashed on, or compiled to code that does not verify: skipped, and counted. */
    private int miscompiled;
    /**
     * Mismatches where javac's plain twin of the same program agrees with the rewritten generator:
     * the fuzzed compiler miscompiled the twin. Skipped, and counted.
     */
    private int twinsMiscompiled;

    private int programCount;
    private long valuesCompared;
    private int runsEndingInAnException;
    private int runs;

    @Test
    void randomGeneratorsYieldWhatTheirPlainTwinRecords() throws Exception {
        String single = System.getProperty("fuzz.seed");
        long start = Long.getLong("fuzz.start", 0);
        int count = Integer.getInteger("fuzz.count", DEFAULT_COUNT);
        int batch = Math.max(1, Integer.getInteger("fuzz.batch", 12));
        int group = Math.max(1, Integer.getInteger("fuzz.group", 8));
        compiler = FuzzCompiler.named(System.getProperty("fuzz.compiler", "javac"));
        assumeTrue(compiler.available(), () -> compiler + " is not installed here");
        List<Long> seeds = single != null && !single.isBlank()
                ? List.of(Long.parseLong(single.trim()))
                : LongStream.range(start, start + count).boxed().toList();
        long began = System.nanoTime();
        clearFailureFolder();
        try {
            for (int from = 0; from < seeds.size(); from += batch * group) {
                List<List<Program>> batches = new ArrayList<>();
                List<String> units = new ArrayList<>();
                for (int b = from; b < Math.min(seeds.size(), from + batch * group); b += batch) {
                    List<Program> programs = new ArrayList<>();
                    for (long seed : seeds.subList(b, Math.min(seeds.size(), b + batch))) {
                        programs.add(RandomGeneratorSource.program(seed));
                    }
                    batches.add(programs);
                    units.add(unit(programs));
                    programCount += programs.size();
                }
                Map<String, byte[]> compiled;
                long compiling = System.nanoTime();
                try {
                    compiled = compiler.compile(units);
                } catch (AssertionError refused) {
                    compiled = null; // each batch alone, to tell which
                }
                compileNanos += System.nanoTime() - compiling;
                for (List<Program> programs : batches) {
                    runBatch(programs, compiled);
                }
                if (Boolean.getBoolean("fuzz.progress")) {
                    System.out.printf(
                            "GeneratorFuzzTest: %d programs, %d skipped as the compiler's own failures"
                                    + " (%d miscompiled plain twins), %d failing %s, %d timed out, %.0f s%n",
                            programCount,
                            miscompiled + twinsMiscompiled,
                            twinsMiscompiled,
                            failures.size(),
                            failures.stream().map(Failure::seed).toList(),
                            timeouts,
                            (System.nanoTime() - began) / 1e9);
                }
            }
        } finally {
            runner.shutdownNow();
        }
        System.out.printf(
                "GeneratorFuzzTest: %s, %d programs (seeds %s), %d values compared in %d runs (%d ending in an exception),"
                        + " %d refused as documented, %d skipped as the compiler's own failures (%d miscompiled plain"
                        + " twins, checked against javac's), %d failing (%d timed out),"
                        + " %.1f s (compiling %.1f s, rewriting %.1f s)%n",
                compiler.name().toLowerCase(java.util.Locale.ROOT),
                programCount,
                single != null ? single : start + ".." + (start + count - 1),
                valuesCompared,
                runs,
                runsEndingInAnException,
                refusedAsDocumented,
                miscompiled + twinsMiscompiled,
                twinsMiscompiled,
                failures.size(),
                timeouts,
                (System.nanoTime() - began) / 1e9,
                compileNanos / 1e9,
                rewriteNanos / 1e9);
        if (!failures.isEmpty()) {
            fail(report());
        }
    }

    // ---- one compiled class -----------------------------------------------------------------------

    /** The programs' class as a compilation unit in a package of its own, named after its first seed. */
    private static String unit(List<Program> programs) {
        return "package " + packageOf(programs) + ";\n" + RandomGeneratorSource.classSource(programs);
    }

    private static String packageOf(List<Program> programs) {
        return "f" + Long.toUnsignedString(programs.get(0).seed());
    }

    /**
     * Rewrites, verifies and loads the programs' class, compiled with the others of its group (or
     * alone where {@code group} is null), within the time limit: a rewrite that hangs is a finding.
     */
    private Class<?> load(List<Program> programs, Map<String, byte[]> group) throws Throwable {
        String prefix = packageOf(programs) + "/";
        Future<Class<?>> loading = runner.submit(() -> {
            Map<String, byte[]> classes = new LinkedHashMap<>();
            if (group != null) {
                group.forEach((name, bytes) -> {
                    if (name.startsWith(prefix)) {
                        classes.put(name, bytes);
                    }
                });
            } else {
                long compiling = System.nanoTime();
                classes.putAll(compiler.compile(List.of(unit(programs))));
                compileNanos += System.nanoTime() - compiling;
            }
            long rewriting = System.nanoTime();
            try {
                Class<?> type =
                        Compiler.define(Compiler.rewriteCompiled(classes), prefix + RandomGeneratorSource.CLASS);
                // verified by the JVM now, so that a VerifyError is the batch's and not one program's
                return Class.forName(type.getName(), true, type.getClassLoader());
            } finally {
                rewriteNanos += System.nanoTime() - rewriting;
            }
        });
        try {
            return loading.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            loading.cancel(true);
            runner.shutdownNow();
            runner = newRunner();
            timeouts++;
            throw new AssertionError("the rewrite did not finish within " + TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    /**
     * Whether the compiler itself fails on the program, which then says nothing of the rewriter:
     * it crashes (javac 17 does on some patterns in conditional expressions) or reports an internal
     * error ("stack sim error", javac 17's code generator on the plain twin), or what it made does
     * not verify before any rewrite (ECJ 3.46 miscompiles some switch expressions and
     * try-with-resources, the plain twin included).
     */
    private boolean compilerFails(Program p) {
        List<Program> alone = List.of(p);
        try {
            Class<?> type = Compiler.define(
                    compiler.compile(List.of(unit(alone))), packageOf(alone) + "/" + RandomGeneratorSource.CLASS);
            Class.forName(type.getName(), true, type.getClassLoader());
            return false;
        } catch (AssertionError e) {
            String message = String.valueOf(e.getMessage());
            return message.contains("Internal compiler error") // ECJ
                    || message.contains("Missing code implementation in the compiler") // ECJ
                    || message.contains("An exception has occurred in the compiler") // javac
                    // javac 17's code generator on some switch expressions inside try (seed 405936)
                    || message.contains("error: Internal error: stack sim error");
        } catch (VerifyError | ClassNotFoundException e) {
            return true;
        }
    }

    private void runBatch(List<Program> programs, Map<String, byte[]> group) throws Exception {
        String source = RandomGeneratorSource.classSource(programs);
        Class<?> type;
        try {
            type = load(programs, group);
        } catch (Throwable t) {
            if (programs.size() == 1) {
                Program p = programs.get(0);
                String message = String.valueOf(t.getMessage());
                if (DOCUMENTED_REFUSALS.stream().anyMatch(message::contains)) {
                    refusedAsDocumented++;
                    return;
                }
                if (compilerFails(p)) {
                    miscompiled++;
                    return;
                }
                String kind = message.startsWith(compiler.name().toLowerCase(java.util.Locale.ROOT) + " failed")
                        ? "the compiler rejected the generated program (a fuzzer bug)"
                        : message.startsWith("the rewrite did not finish")
                                ? "the rewrite hung"
                                : "rewrite or verification failed";
                failures.add(new Failure(p.seed(), kind, firstLine(t), stackTrace(t) + "\n" + sourceOf(p)));
                return;
            }
            int before = failures.size();
            int refusedBefore = refusedAsDocumented + miscompiled;
            for (Program p : programs) {
                runBatch(List.of(p), null);
            }
            if (failures.size() == before && refusedAsDocumented + miscompiled == refusedBefore) {
                failures.add(new Failure(
                        programs.get(0).seed(),
                        "the batch failed, though each program alone passes",
                        firstLine(t),
                        stackTrace(t) + "\nsource:\n" + source));
            }
            return;
        }
        for (Program p : programs) {
            Future<String> run = runner.submit(() -> mismatch(type, p));
            String problem;
            try {
                problem = run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                run.cancel(true);
                runner.shutdownNow();
                runner = newRunner();
                timeouts++;
                problem = "timed out after " + TIMEOUT_SECONDS + " s";
            } catch (ExecutionException e) {
                problem = "the driver crashed: " + stackTrace(e.getCause());
            }
            if (problem != null && twinMiscompiled(type, p)) {
                twinsMiscompiled++;
                problem = null;
            }
            if (problem != null) {
                failures.add(new Failure(
                        p.seed(),
                        "the generator and its plain twin differ",
                        firstLine(problem),
                        problem + "\n" + sourceOf(p)));
            }
        }
    }

    /**
     * Whether a mismatch is the compiler's miscompiling the plain twin (ECJ 3.46 does, on some
     * switch expressions inside try blocks): the program compiled alone by this JVM's javac gives
     * a plain twin that agrees, in every run, with the generator the fuzzed compiler made and the
     * rewriter rewrote. The rewritten generator is then right and the fuzzed compiler's twin wrong.
     */
    private boolean twinMiscompiled(Class<?> type, Program p) throws Exception {
        if (compiler == FuzzCompiler.JAVAC) {
            return false;
        }
        List<Program> alone = List.of(p);
        Class<?> javacs;
        try {
            // Rewritten too: the twin's Yield.all drives the header's generators, sub and nest.
            javacs = Compiler.define(
                    Compiler.rewriteCompiled(FuzzCompiler.JAVAC.compile(List.of(unit(alone)))),
                    packageOf(alone) + "/" + RandomGeneratorSource.CLASS);
        } catch (AssertionError | RuntimeException javacFailed) {
            return false;
        }
        for (int set = 0; set < RandomGeneratorSource.ARGUMENT_SETS; set++) {
            for (boolean send : new boolean[] {false, true}) {
                int arguments = set;
                Future<String> run = runner.submit(() -> {
                    Outcome javacTwin = runReference(javacs, p, arguments, send);
                    Outcome generator = runGenerator(type, p, arguments, send);
                    return difference(javacTwin, generator);
                });
                try {
                    if (run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS) != null) {
                        return false;
                    }
                } catch (TimeoutException e) {
                    run.cancel(true);
                    runner.shutdownNow();
                    runner = newRunner();
                    return false;
                } catch (ExecutionException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** What differs between the generator and its twin, under each set of arguments and each way of resuming, or null. */
    private String mismatch(Class<?> type, Program p) throws Exception {
        for (int set = 0; set < RandomGeneratorSource.ARGUMENT_SETS; set++) {
            for (boolean send : new boolean[] {false, true}) {
                String problem = mismatch(type, p, set, send);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private String mismatch(Class<?> type, Program p, int set, boolean send) throws Exception {
        Outcome expected = runReference(type, p, set, send);
        Outcome actual = runGenerator(type, p, set, send);
        runs++;
        valuesCompared += expected.values.size();
        if (expected.thrown != null) {
            runsEndingInAnException++;
        }
        if (Boolean.getBoolean("fuzz.verbose")) {
            System.out.printf(
                    "seed %d, arguments %s, %s: %d values then %s%n",
                    p.seed(), p.describeArguments(set), send ? "send" : "plain", expected.values.size(), expected.end);
        }
        String difference = difference(expected, actual);
        if (difference == null) {
            return null;
        }
        StringBuilder problem = new StringBuilder();
        problem.append("arguments ")
                .append(p.describeArguments(set))
                .append(send ? ", resumed with send(...)" : ", plain iteration")
                .append(": ")
                .append(difference)
                .append('\n')
                .append("  plain twin: ")
                .append(around(expected.values, firstDifference(expected, actual)))
                .append(" then ")
                .append(expected.end)
                .append('\n')
                .append("  generator:  ")
                .append(around(actual.values, firstDifference(expected, actual)))
                .append(" then ")
                .append(actual.end)
                .append('\n');
        if (actual.thrown != null && !actual.end.equals(expected.end)) {
            problem.append("  the generator threw:\n").append(indent(stackTrace(actual.thrown)));
        }
        return problem.toString();
    }

    private static String difference(Outcome expected, Outcome actual) {
        int common = Math.min(expected.values.size(), actual.values.size());
        for (int i = 0; i < common; i++) {
            if (!expected.values.get(i).equals(actual.values.get(i))) {
                return "value " + i + " is " + actual.values.get(i) + ", expected " + expected.values.get(i);
            }
        }
        if (expected.values.size() != actual.values.size()) {
            return actual.values.size() + " values, expected " + expected.values.size()
                    + (actual.values.size() < expected.values.size()
                            ? " (the generator ended with " + actual.end + " where the twin yields "
                                    + expected.values.get(common) + ")"
                            : " (the generator yields " + actual.values.get(common) + " where the twin ends with "
                                    + expected.end + ")");
        }
        if (!expected.end.equals(actual.end)) {
            return "the generator ends with " + actual.end + ", expected " + expected.end;
        }
        return null;
    }

    // ---- running both variants ------------------------------------------------------------------

    private static Outcome runReference(Class<?> type, Program p, int set, boolean send) throws Exception {
        Field mode = type.getDeclaredField("SEND");
        mode.setAccessible(true);
        mode.setBoolean(null, send);
        Class<?>[] parameters = p.parameterClasses();
        Class<?>[] withOut = new Class<?>[parameters.length + 1];
        withOut[0] = List.class;
        System.arraycopy(parameters, 0, withOut, 1, parameters.length);
        Method reference = type.getDeclaredMethod(p.referenceName(), withOut);
        reference.setAccessible(true);
        Object[] arguments = p.arguments().apply(set);
        Object[] withList = new Object[arguments.length + 1];
        List<Object> out = new ArrayList<>();
        withList[0] = out;
        System.arraycopy(arguments, 0, withList, 1, arguments.length);
        Object receiver = p.instance() ? newInstance(type) : null;
        String end;
        Throwable thrown = null;
        try {
            reference.invoke(receiver, withList);
            end = "the end";
        } catch (InvocationTargetException e) {
            thrown = e.getCause();
            end = describe(thrown);
        }
        List<String> values = new ArrayList<>();
        for (Object o : out) {
            values.add((String) o);
        }
        return new Outcome(values, end, thrown);
    }

    @SuppressWarnings("unchecked")
    private static Outcome runGenerator(Class<?> type, Program p, int set, boolean send) throws Exception {
        Method show = type.getDeclaredMethod("show", Object.class);
        show.setAccessible(true);
        Method sent = type.getDeclaredMethod("sent", int.class);
        sent.setAccessible(true);
        Method generator = type.getDeclaredMethod(p.generatorName(), p.parameterClasses());
        generator.setAccessible(true);
        Object receiver = p.instance() ? newInstance(type) : null;
        List<String> values = new ArrayList<>();
        Object made;
        try {
            made = generator.invoke(receiver, p.arguments().apply(set));
        } catch (InvocationTargetException e) {
            return new Outcome(values, "calling the generator method threw " + describe(e.getCause()), e.getCause());
        }
        if (!(made instanceof Coroutine<?, ?, ?>)) {
            return new Outcome(values, "the generator method returned " + made + ", not a Coroutine", null);
        }
        Coroutine<Object, Object, Object> coroutine = (Coroutine<Object, Object, Object>) made;
        try {
            if (!send) {
                // hasNext() once, twice or not at all before each next(), as the seed says
                Random asking = new Random(p.seed() * 7 + set);
                while (true) {
                    int hasNexts = asking.nextInt(4) == 0 ? 0 : 1 + asking.nextInt(2);
                    for (int i = 0; i < hasNexts; i++) {
                        if (!coroutine.hasNext()) {
                            return new Outcome(values, "the end", null);
                        }
                    }
                    values.add((String) show.invoke(null, coroutine.next()));
                    if (values.size() > MAX_VALUES) {
                        return new Outcome(values, "more than " + MAX_VALUES + " values", null);
                    }
                }
            }
            values.add((String) show.invoke(null, coroutine.next()));
            for (int i = 0; ; i++) {
                values.add((String) show.invoke(null, coroutine.send(sent.invoke(null, i))));
                if (values.size() > MAX_VALUES) {
                    return new Outcome(values, "more than " + MAX_VALUES + " values", null);
                }
            }
        } catch (NoSuchElementException e) {
            if (coroutine.isDone()) {
                try {
                    coroutine.result();
                    return new Outcome(values, "the end", null);
                } catch (IllegalStateException notAReturn) {
                    // the body threw the NoSuchElementException itself
                }
            }
            return new Outcome(values, describe(e), e);
        } catch (Throwable t) {
            return new Outcome(values, describe(t), t);
        }
    }

    private static Object newInstance(Class<?> type) throws Exception {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    /**
     * An exception as both variants must agree on it; a NullPointerException's helpful message
     * names bytecode, so it is left out. The program's own exception classes are named without
     * their package, which is the batch's: javac's twin of a program compiled in a batch (see
     * twinMiscompiled) is compiled alone, in a package of its own.
     */
    private static String describe(Throwable t) {
        String name = t.getClass().getName();
        if (name.contains("." + RandomGeneratorSource.CLASS + "$")) {
            name = name.substring(name.lastIndexOf('.') + 1);
        }
        return name + (t instanceof NullPointerException ? "" : ": " + t.getMessage());
    }

    // ---- reports ----------------------------------------------------------------------------------

    private static final Path FAILURE_FOLDER = Path.of("target", "fuzz-failures");

    /** Failures of an earlier run would mislead. */
    private static void clearFailureFolder() throws IOException {
        if (Files.isDirectory(FAILURE_FOLDER)) {
            try (var files = Files.list(FAILURE_FOLDER)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private String report() {
        Map<String, List<Failure>> byKind = new LinkedHashMap<>();
        for (Failure f : failures) {
            byKind.computeIfAbsent(f.kind + ": " + signature(f.summary), k -> new ArrayList<>())
                    .add(f);
        }
        Path folder = FAILURE_FOLDER;
        try {
            Files.createDirectories(folder);
            for (Failure f : failures) {
                Files.writeString(
                        folder.resolve("seed-" + f.seed + ".txt"),
                        "seed " + f.seed + ": " + f.kind + "\n" + f.detail + "\n");
            }
        } catch (IOException e) {
            // the report below says it all anyway
        }
        StringBuilder s = new StringBuilder();
        s.append(failures.size())
                .append(" of ")
                .append(programCount)
                .append(" random generators failed (")
                .append(byKind.size())
                .append(" distinct kinds; each also written to ")
                .append(folder.toAbsolutePath())
                .append("; rerun one with -Dfuzz.seed=N):\n");
        for (Map.Entry<String, List<Failure>> kind : byKind.entrySet()) {
            List<Long> seeds =
                    kind.getValue().stream().map(Failure::seed).limit(30).toList();
            s.append("  ")
                    .append(kind.getKey())
                    .append(" - seeds ")
                    .append(seeds)
                    .append(
                            kind.getValue().size() > 30
                                    ? " and " + (kind.getValue().size() - 30) + " more"
                                    : "")
                    .append('\n');
        }
        int shown = 0;
        for (List<Failure> kind : byKind.values()) {
            if (shown++ == FULL_REPORTS) {
                break;
            }
            Failure f = kind.stream()
                    .min((a, b) -> Integer.compare(a.detail.length(), b.detail.length()))
                    .orElseThrow();
            s.append("\n==== seed ")
                    .append(f.seed)
                    .append(": ")
                    .append(f.kind)
                    .append(" ====\n")
                    .append(f.detail)
                    .append('\n');
        }
        return s.toString();
    }

    /** A failure's summary without the numbers and names that vary from program to program. */
    private static String signature(String summary) {
        int more = summary.indexOf(", Fuzz.java:");
        if (more > 0) {
            summary = summary.substring(0, more);
        }
        String general = summary.replaceAll("\\b[gr]\\d+\\([^)]*\\)", "gN(...)")
                .replaceAll("\\b[gr]\\d+\\b", "gN")
                .replaceAll("\\b[vpiwexrLB]\\d+\\b", "name")
                .replaceAll("(?<![A-Za-z])-?\\d+", "#");
        return general.length() > 220 ? general.substring(0, 220) + "..." : general;
    }

    private static String sourceOf(Program p) {
        return "source (seed " + p.seed() + "):\n" + p.source();
    }

    private static String firstLine(Object text) {
        String s = text instanceof Throwable t ? t.getClass().getName() + ": " + t.getMessage() : String.valueOf(text);
        int newline = s.indexOf('\n');
        s = newline < 0 ? s : s.substring(0, newline);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static String stackTrace(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        String[] lines = s.toString().split("\n");
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < lines.length && i < 40; i++) {
            kept.append(lines[i]).append('\n');
            if (lines[i].contains(GeneratorFuzzTest.class.getName() + ".")) {
                break;
            }
        }
        return kept.toString();
    }

    private static String indent(String text) {
        return text.replaceAll("(?m)^", "    ");
    }

    private static int firstDifference(Outcome expected, Outcome actual) {
        int i = 0;
        while (i < expected.values.size()
                && i < actual.values.size()
                && expected.values.get(i).equals(actual.values.get(i))) {
            i++;
        }
        return i;
    }

    /** The values, or where there are many, those around index {@code focus}. */
    private static String around(List<String> values, int focus) {
        if (values.size() <= 30) {
            return values.toString();
        }
        int from = Math.max(0, Math.min(focus - 10, values.size() - 30));
        int to = Math.min(values.size(), from + 30);
        return (from > 0 ? "[... " + from + " values, " : "[")
                + String.join(", ", values.subList(from, to))
                + (to < values.size() ? ", ... " + (values.size() - to) + " more]" : "]");
    }

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-runner");
            t.setDaemon(true);
            return t;
        });
    }
}
