package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the plugin adds to a build: writes two Maven projects of {@code classes} classes each, one
 * without generators and one where every class has a {@code @Generator} method, and times
 * {@code mvn -o -q clean compile} of each with the plugin and without it, alternating, {@code runs}
 * times. Prints the median wall time of each and the ratio to the same project built without
 * the plugin.
 *
 * <pre>java -cp target/benchmarks.jar bench.BuildCost [classes [runs]]    # default 3000 5</pre>
 *
 * Needs the plugin and runtime installed in the local repository (mvn install at the top).
 */
public final class BuildCost {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    private BuildCost() {
    }

    public static void main(String[] args) throws Exception {
        int classes = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path root = Path.of("target", "build-cost").toAbsolutePath();
        Path plain = write(root.resolve("plain"), classes, false);
        Path generators = write(root.resolve("generators"), classes, true);
        List<Build> builds = List.of(
                new Build("no generators, no plugin", plain, false),
                new Build("no generators, plugin", plain, true),
                new Build("a generator in every class, no plugin", generators, false),
                new Build("a generator in every class, plugin", generators, true));
        for (Build build : builds) {
            build.time(); // warm the file cache and Maven's local repository; not counted
        }
        for (int run = 0; run < runs; run++) {
            for (Build build : builds) {
                build.times.add(build.time());
            }
        }
        System.out.printf(Locale.ROOT, "JDK %s, %d classes, median of %d builds (mvn -o -q clean compile)%n%n",
                Runtime.version(), classes, runs);
        System.out.println("| project | seconds (min–max) | ratio to the same without the plugin |");
        System.out.println("| --- | --- | --- |");
        for (int i = 0; i < builds.size(); i++) {
            Build build = builds.get(i);
            String ratio = build.plugin ? String.format(Locale.ROOT, "%.3f", build.median() / builds.get(i - 1).median()) : "";
            System.out.printf(Locale.ROOT, "| %s | %.2f (%.2f–%.2f) | %s |%n", build.name, build.median(),
                    build.times.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    build.times.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), ratio);
        }
    }

    private static final class Build {
        final String name;
        final Path project;
        final boolean plugin;
        final List<Double> times = new ArrayList<>();

        Build(String name, Path project, boolean plugin) {
            this.name = name;
            this.project = project;
            this.plugin = plugin;
        }

        double time() throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("mvn", "-o", "-q", "clean", "compile"));
            if (plugin) {
                command.add("-Prewrite");
            }
            long start = System.nanoTime();
            Process mvn = new ProcessBuilder(command).directory(project.toFile()).inheritIO().start();
            if (!mvn.waitFor(10, TimeUnit.MINUTES) || mvn.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed in " + project);
            }
            return (System.nanoTime() - start) / 1e9;
        }

        double median() {
            List<Double> sorted = new ArrayList<>(times);
            sorted.sort(Double::compare);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    private static Path write(Path project, int classes, boolean withGenerators) throws IOException {
        Path sources = project.resolve("src/main/java/load");
        Files.createDirectories(sources);
        Files.writeString(project.resolve("pom.xml"), pom(withGenerators ? "generators" : "plain"), StandardCharsets.UTF_8);
        for (int i = 0; i < classes; i++) {
            String name = String.format(Locale.ROOT, "C%05d", i);
            Files.writeString(sources.resolve(name + ".java"), source(name, i, withGenerators), StandardCharsets.UTF_8);
        }
        return project;
    }

    /** An ordinary class: fields, a constructor, loops, a switch, a try; with a generator walking it if asked. */
    private static String source(String name, int seed, boolean withGenerator) {
        StringBuilder java = new StringBuilder();
        java.append("package load;\n\n");
        java.append("import dev.generators.Generator;\nimport dev.generators.Yield;\nimport java.util.*;\n\n");
        java.append("public final class ").append(name).append(" {\n");
        java.append("    private final int[] values;\n    private final String label;\n\n");
        java.append("    public ").append(name).append("(int size) {\n");
        java.append("        values = new int[size];\n        for (int i = 0; i < size; i++) { values[i] = i * ")
                .append(seed % 7 + 1).append(" + ").append(seed).append("; }\n");
        java.append("        label = \"").append(name).append("\" + size;\n    }\n\n");
        java.append("    public long sum() {\n        long sum = 0;\n        for (int v : values) { sum += v; }\n        return sum;\n    }\n\n");
        java.append("    public String describe(int kind) {\n        switch (kind) {\n")
                .append("            case 0: return label;\n            case 1: return label + \":\" + sum();\n")
                .append("            default:\n                try {\n                    return Integer.toString(values[kind]);\n")
                .append("                } catch (ArrayIndexOutOfBoundsException e) {\n                    return \"?\";\n                }\n")
                .append("        }\n    }\n\n");
        java.append("    public List<Integer> evens() {\n        List<Integer> out = new ArrayList<>();\n")
                .append("        for (int v : values) { if (v % 2 == 0) { out.add(v); } }\n        return out;\n    }\n");
        if (withGenerator) {
            java.append("\n    @Generator\n    public Iterator<Integer> odds() {\n")
                    .append("        for (int v : values) {\n            if (v % 2 != 0) {\n                Yield.value(v);\n            }\n        }\n")
                    .append("        return Yield.done();\n    }\n");
        }
        java.append("}\n");
        return java.toString();
    }

    private static String pom(String artifact) {
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n"
                + "  <groupId>dev.generators.buildcost</groupId>\n"
                + "  <artifactId>" + artifact + "</artifactId>\n"
                + "  <version>1.0</version>\n"
                + "  <properties>\n"
                + "    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>\n"
                + "    <maven.compiler.release>17</maven.compiler.release>\n"
                + "  </properties>\n"
                + "  <dependencies>\n"
                + "    <dependency><groupId>dev.generators</groupId><artifactId>generators-runtime</artifactId><version>" + VERSION + "</version></dependency>\n"
                + "  </dependencies>\n"
                + "  <build><plugins><plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin></plugins></build>\n"
                + "  <profiles>\n"
                + "    <profile>\n"
                + "      <id>rewrite</id>\n"
                + "      <build><plugins><plugin>\n"
                + "        <groupId>dev.generators</groupId><artifactId>generators-maven-plugin</artifactId><version>" + VERSION + "</version>\n"
                + "        <executions><execution><goals><goal>rewrite</goal></goals></execution></executions>\n"
                + "      </plugin></plugins></build>\n"
                + "    </profile>\n"
                + "  </profiles>\n"
                + "</project>\n";
    }
}
