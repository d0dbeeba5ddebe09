package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs {@link GeneratorBenchmarks} (or what the JMH options given select) in one JMH run and
 * prints each result per element, as its median over all measured iterations and JMH's 99.9%
 * error, beside the ratio to the hand-written baseline of the same run.
 *
 * <p>Takes JMH's own command-line options. Leaves out what the running JDK lacks: virtual threads
 * and {@code Continuation} before JDK 21; adds the export {@code Continuation} needs on 21 and
 * later. Writes the table to {@code target/benchmark-report.md} too.
 */
public final class Report {

    /** For benchmarks measured from a fork's start (no warm-up iterations): the span the warm-up figure averages. */
    static final int WARM_UP_SECONDS = 3;
    /** ... and where their steady state is taken to begin. */
    static final int STEADY_AFTER_SECONDS = 5;

    private static final String EXPORT = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED";

    private Report() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions given = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(given);
        if (given.getIncludes().isEmpty()) {
            options.include(GeneratorBenchmarks.class.getName());
        }
        if (Runtime.version().feature() < 21) {
            options.exclude("Virtual|Continuation");
        } else {
            options.jvmArgsAppend(EXPORT);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        String table = table(results);
        System.out.println();
        System.out.println(table);
        Path report = Path.of("target", "benchmark-report.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table, StandardCharsets.UTF_8);
    }

    /** One row per benchmark and parameters, grouped so that each baseline precedes what it is compared with. */
    static String table(Collection<RunResult> results) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (RunResult result : results) {
            Row row = Row.of(result);
            rows.put(row.key(), row);
        }
        boolean warmUps = rows.values().stream().anyMatch(row -> !Double.isNaN(row.warmUp));
        boolean kotlin = rows.values().stream().anyMatch(row -> row.benchmark.endsWith("Kotlin"));
        StringBuilder out = new StringBuilder();
        // The forks' JDK, which -jvm may make another than the one running this.
        String jdks = results.stream()
                .map(result -> result.getParams().getVmVersion())
                .distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        out.append("JDK ").append(jdks.isEmpty() ? Runtime.version().toString() : jdks).append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores; steady: median over measured iterations")
                .append(warmUps ? " after the first " + STEADY_AFTER_SECONDS + " s" : "")
                .append(" ± 99.9% error of their mean")
                .append(warmUps ? "; first " + WARM_UP_SECONDS + " s: mean over the iterations of a fork's first "
                        + WARM_UP_SECONDS + " s ± its 99.9% error, and its ratio to the hand-written steady figure" : "")
                .append("\n\n");
        out.append("| benchmark | parameter | ns per element | B per element | ratio to hand-written |")
                .append(warmUps ? " first " + WARM_UP_SECONDS + " s, ns per element | ratio |" : "")
                .append(kotlin ? " generator / Kotlin |" + (warmUps ? " generator / Kotlin, first " + WARM_UP_SECONDS + " s |" : "") : "")
                .append('\n');
        out.append("| --- | --- | --- | --- | --- |").append(warmUps ? " --- | --- |" : "")
                .append(kotlin ? " --- |" + (warmUps ? " --- |" : "") : "").append('\n');
        List<Row> ordered = new ArrayList<>(rows.values());
        ordered.sort((a, b) -> {
            int byGroup = a.group.compareTo(b.group);
            if (byGroup != 0) {
                return byGroup;
            }
            int byParam = Long.compare(a.param, b.param);
            return byParam != 0 ? byParam : Boolean.compare(!a.isBaseline(), !b.isBaseline());
        });
        for (Row row : ordered) {
            Row baseline = rows.get(row.group + "HandWritten/" + row.param);
            String ratio = baseline == null || row.isBaseline() ? "" : format(row.median / baseline.median) + "×";
            out.append("| ").append(row.benchmark).append(" | ").append(row.paramName).append(" | ")
                    .append(withError(row.median, row.error)).append(" | ")
                    .append(Double.isNaN(row.bytes) ? "" : format(row.bytes)).append(" | ")
                    .append(ratio).append(" |");
            if (warmUps) {
                String warmRatio = baseline == null || Double.isNaN(row.warmUp) ? "" : format(row.warmUp / baseline.median) + "×";
                out.append(' ').append(Double.isNaN(row.warmUp) ? "" : withError(row.warmUp, row.warmUpError))
                        .append(" | ").append(warmRatio).append(" |");
            }
            if (kotlin) {
                // The generator against Kotlin's sequence {} of the same group, steady and first seconds.
                Row sequence = row.benchmark.endsWith("Generator") ? rows.get(row.group + "Kotlin/" + row.param) : null;
                out.append(' ').append(sequence == null ? "" : format(row.median / sequence.median) + "×").append(" |");
                if (warmUps) {
                    out.append(' ').append(sequence == null || Double.isNaN(row.warmUp) ? ""
                            : format(row.warmUp / sequence.warmUp) + "×").append(" |");
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String withError(double value, double error) {
        return format(value) + (Double.isNaN(error) ? "" : " ± " + format(error));
    }

    static String format(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /**
     * A result per element: range and tree per value walked, short per generator made and drained
     * (error NaN after too few iterations). For a benchmark without warm-up iterations, every
     * iteration from the fork's start is measured: the steady figure is then the median after the
     * first {@link #STEADY_AFTER_SECONDS}, and the warm-up one the mean over the first
     * {@link #WARM_UP_SECONDS}.
     */
    private static final class Row {
        final String benchmark;
        final String group;
        final long param;
        final String paramName;
        final double median;
        final double error;
        final double bytes;
        final double warmUp;
        final double warmUpError;

        private Row(String benchmark, String group, long param, String paramName, double median, double error,
                double bytes, double warmUp, double warmUpError) {
            this.benchmark = benchmark;
            this.group = group;
            this.param = param;
            this.paramName = paramName;
            this.median = median;
            this.error = error;
            this.bytes = bytes;
            this.warmUp = warmUp;
            this.warmUpError = warmUpError;
        }

        private static final Pattern KIND =
                Pattern.compile("(?<=[a-z])(Generator|HandWritten|Kotlin|Continuation|VirtualThread|Thread)");

        static Row of(RunResult result) {
            String name = result.getParams().getBenchmark();
            String benchmark = name.substring(name.lastIndexOf('.') + 1);
            String className = name.substring(0, name.lastIndexOf('.'));
            className = className.substring(className.lastIndexOf('.') + 1);
            // The case is the name before its kind: megamorphicShort of megamorphicShortGenerator,
            // range of rangeGeneratorAmongOthers; else the name up to its first capital.
            Matcher kind = KIND.matcher(benchmark);
            int split = 0;
            while (split < benchmark.length() && !Character.isUpperCase(benchmark.charAt(split))) {
                split++;
            }
            String group = kind.find() ? benchmark.substring(0, kind.start()) : benchmark.substring(0, split);
            if (!className.equals(GeneratorBenchmarks.class.getSimpleName())) {
                group = className + "." + group;
                benchmark = className + "." + benchmark;
            }
            long param = 0;
            String paramName = "";
            double elements = 1;
            if (result.getParams().getParam("n") != null) {
                param = Long.parseLong(result.getParams().getParam("n"));
                paramName = "N = " + String.format(Locale.ROOT, "%,d", param);
                elements = param;
            } else if (result.getParams().getParam("depth") != null) {
                param = Long.parseLong(result.getParams().getParam("depth"));
                paramName = "depth " + param;
                elements = (1L << param) - 1;
            }
            double iterationSeconds = result.getParams().getMeasurement().getTime().convertTo(TimeUnit.NANOSECONDS) / 1e9;
            boolean fromStart = result.getParams().getWarmup().getCount() == 0;
            int warmUpCount = fromStart ? (int) Math.round(WARM_UP_SECONDS / iterationSeconds) : 0;
            int steadyFrom = fromStart ? (int) Math.round(STEADY_AFTER_SECONDS / iterationSeconds) : 0;
            List<Double> steady = new ArrayList<>();
            List<Double> first = new ArrayList<>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                List<IterationResult> iterations = new ArrayList<>(fork.getIterationResults());
                for (int i = 0; i < iterations.size(); i++) {
                    double score = iterations.get(i).getPrimaryResult().getScore() / elements;
                    if (i < warmUpCount) {
                        first.add(score);
                    }
                    if (i >= steadyFrom) {
                        steady.add(score);
                    }
                }
            }
            Result<?> allocated = result.getSecondaryResults().get("gc.alloc.rate.norm");
            double bytes = allocated == null ? Double.NaN : allocated.getScore() / elements;
            return new Row(benchmark, group, param, paramName, median(steady), error(steady), bytes,
                    first.isEmpty() ? Double.NaN : new ListStatistics(toArray(first)).getMean(), error(first));
        }

        private static double median(List<Double> scores) {
            List<Double> sorted = new ArrayList<>(scores);
            sorted.sort(Double::compare);
            int size = sorted.size();
            return size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
        }

        private static double error(List<Double> scores) {
            return scores.size() < 2 ? Double.NaN : new ListStatistics(toArray(scores)).getMeanErrorAt(0.999);
        }

        private static double[] toArray(List<Double> scores) {
            return scores.stream().mapToDouble(Double::doubleValue).toArray();
        }

        boolean isBaseline() {
            return benchmark.endsWith("HandWritten");
        }

        String key() {
            return benchmark + "/" + param;
        }
    }
}
