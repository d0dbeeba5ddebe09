package dev.generators.rewriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.eclipse.jdt.core.compiler.batch.BatchCompiler;

/**
 * The compilers {@link GeneratorFuzzTest} runs its programs through, each compiling many
 * compilation units in one invocation (what makes tens of thousands of programs affordable):
 * the running JDK's javac, the javac of JDK 25 (a process of its own, {@code --release 17}, so
 * that this JVM loads what it makes) and ECJ.
 */
enum FuzzCompiler {
    JAVAC {
        @Override
        boolean compile(Path sources, List<Path> units, Path classes, StringWriter messages) {
            List<String> arguments = new ArrayList<>(options(classes));
            units.forEach(unit -> arguments.add(unit.toString()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean compiled =
                    ToolProvider.getSystemJavaCompiler().run(null, out, out, arguments.toArray(String[]::new)) == 0;
            messages.write(out.toString());
            return compiled;
        }
    },
    JAVAC25 {
        @Override
        boolean available() {
            return Files.isExecutable(JDK25.resolve("bin/javac"));
        }

        @Override
        boolean compile(Path sources, List<Path> units, Path classes, StringWriter messages) throws IOException {
            List<String> command =
                    new ArrayList<>(List.of(JDK25.resolve("bin/javac").toString(), "--release", "17"));
            command.addAll(options(classes));
            units.forEach(unit -> command.add(unit.toString()));
            Process javac =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            messages.write(new String(javac.getInputStream().readAllBytes()));
            try {
                return javac.waitFor() == 0;
            } catch (InterruptedException e) {
                javac.destroy();
                Thread.currentThread().interrupt();
                return false;
            }
        }
    },
    ECJ {
        @Override
        boolean compile(Path sources, List<Path> units, Path classes, StringWriter messages) {
            List<String> arguments = new ArrayList<>(List.of("-17", "-nowarn"));
            arguments.addAll(options(classes));
            units.forEach(unit -> arguments.add(unit.toString()));
            PrintWriter out = new PrintWriter(messages);
            return BatchCompiler.compile(arguments.toArray(String[]::new), out, out, null);
        }
    };

    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    boolean available() {
        return true;
    }

    abstract boolean compile(Path sources, List<Path> units, Path classes, StringWriter messages) throws IOException;

    static FuzzCompiler named(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * Compiles the units (whole source files, each in a package of its own) in one invocation.
     *
     * @return the class files by internal name
     * @throws AssertionError naming the compiler's messages, when it refused the sources
     */
    Map<String, byte[]> compile(List<String> units) {
        try {
            Path work = Files.createTempDirectory("fuzz-" + name().toLowerCase(java.util.Locale.ROOT));
            try {
                Path sources = Files.createDirectories(work.resolve("src"));
                Path classes = Files.createDirectories(work.resolve("classes"));
                List<Path> files = new ArrayList<>();
                for (String unit : units) {
                    Path file = sources.resolve(Compiler.mainType(unit) + ".java");
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, unit);
                    files.add(file);
                }
                StringWriter messages = new StringWriter();
                if (!compile(sources, files, classes, messages)) {
                    throw new AssertionError(name().toLowerCase(java.util.Locale.ROOT) + " failed: " + messages);
                }
                Map<String, byte[]> compiled = new LinkedHashMap<>();
                try (Stream<Path> all = Files.walk(classes)) {
                    for (Path file : all.filter(f -> f.toString().endsWith(".class"))
                            .sorted()
                            .toList()) {
                        String name = classes.relativize(file).toString().replace('\\', '/');
                        compiled.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(file));
                    }
                }
                return compiled;
            } finally {
                try (Stream<Path> all = Files.walk(work)) {
                    for (Path file : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> options(Path classes) {
        return List.of("-g", "-d", classes.toString(), "-cp", System.getProperty("java.class.path"));
    }
}
