package dev.generators.cli;

import dev.generators.rewriter.ClassDirectory;
import dev.generators.rewriter.ClassFiles;
import dev.generators.rewriter.ClassHierarchy;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line, for builds that are not Maven:
 *
 * <pre>
 * java -jar generators-maven-plugin-VERSION-agent.jar rewrite [--classpath PATH] [--output OUT] (FOLDER | JAR)
 * </pre>
 *
 * Rewrites the generators of a folder of classes or a jar, in place or into {@code OUT}.
 * {@code --classpath} lists what the classes were compiled against, for their super classes.
 * Exits with 1, changing nothing, when anything is refused; with 2 on a usage error.
 */
public final class Main {

    private static final String USAGE = "usage: rewrite [--classpath PATH] [--output OUT] (FOLDER | JAR)";

    private Main() {}

    public static void main(String[] arguments) {
        System.exit(run(arguments, System.out, System.err));
    }

    static int run(String[] arguments, PrintStream out, PrintStream err) {
        List<Path> classPath = new ArrayList<>();
        Path output = null;
        Path input = null;
        if (arguments.length == 0 || !arguments[0].equals("rewrite")) {
            err.println(USAGE);
            return 2;
        }
        for (int i = 1; i < arguments.length; i++) {
            String argument = arguments[i];
            if ((argument.equals("--classpath") || argument.equals("--output")) && i + 1 < arguments.length) {
                String value = arguments[++i];
                if (argument.equals("--output")) {
                    output = Path.of(value);
                } else {
                    for (String entry : value.split(File.pathSeparator)) {
                        classPath.add(Path.of(entry));
                    }
                }
            } else if (input == null && !argument.startsWith("--")) {
                input = Path.of(argument);
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        if (input == null || !Files.exists(input)) {
            err.println(input == null ? USAGE : "no such folder or jar: " + input);
            return 2;
        }
        try {
            ClassFiles.Summary summary;
            if (Files.isDirectory(input)) {
                summary = rewriteFolder(input, output, classPath);
            } else {
                JarRewriter.Result jar = JarRewriter.rewrite(input, output == null ? input : output, classPath);
                summary = jar.summary();
                if (!jar.removedSignature().isEmpty()) {
                    out.println(
                            "generators: removed the signature of " + input + " ("
                                    + String.join(", ", jar.removedSignature())
                                    + "), which the rewritten classes would not match: sign the rewritten jar again if it must be signed");
                }
            }
            if (summary.failed()) {
                summary.misuses().forEach(err::println);
                err.println("generators: " + summary.misuses().size() + " problem(s); nothing was changed");
                return 1;
            }
            out.println("generators: scanned " + summary.scanned() + " classes, rewrote " + summary.methodsRewritten()
                    + " methods in " + summary.classesRewritten() + " classes");
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("generators: " + e);
            return 1;
        }
    }

    private static ClassFiles.Summary rewriteFolder(Path folder, Path output, List<Path> classPath) throws IOException {
        Path target = folder;
        if (output != null && !output.equals(folder)) {
            copyFolder(folder, output);
            target = output;
        }
        List<Path> lookup = new ArrayList<>(List.of(target));
        lookup.addAll(classPath);
        try (ClassHierarchy hierarchy = ClassHierarchy.of(lookup)) {
            return ClassDirectory.rewrite(target, hierarchy);
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
