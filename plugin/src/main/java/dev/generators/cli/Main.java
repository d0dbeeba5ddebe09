package dev.generators.cli;

import dev.generators.rewriter.BatchRewriter;
import dev.generators.rewriter.ClassHierarchy;
import dev.generators.rewriter.FolderRewriter;
import dev.generators.rewriter.RewriteOptions;
import dev.generators.rewriter.StaleClasses;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line, for builds that are not Maven:
 *
 * <pre>
 * java -jar generators-maven-plugin-VERSION-agent.jar rewrite [--classpath PATH] [--output OUT] [--explain DIR] [--type-checks warn] (FOLDER | JAR)
 * </pre>
 *
 * Rewrites the generators of a folder of classes or a jar, in place or into {@code OUT}; see
 * {@link #HELP} and docs/outside-maven.md.
 */
public final class Main {

    private static final String USAGE =
            "usage: rewrite [--classpath PATH] [--output OUT] [--explain DIR] [--type-checks error|warn] (FOLDER | JAR);"
                    + " --help for more";

    // Lines joined, not a text block: the plugin descriptor's source parser reads no text blocks.
    private static final String HELP = String.join(
                    System.lineSeparator(),
                    "usage: java -jar generators-maven-plugin-VERSION-agent.jar rewrite [OPTIONS] (FOLDER | JAR)",
                    "       java -jar generators-maven-plugin-VERSION-agent.jar --help",
                    "",
                    "Rewrites every @Generator method of a folder of class files or of a jar into a state",
                    "machine, as the Maven goals do. Nothing is written unless every class could be rewritten.",
                    "",
                    "options:",
                    "  --classpath PATH  what the classes were compiled against (the generators runtime jar among",
                    "                    them), separated by '%1$s', so that their super classes can be read",
                    "  --output OUT      write the result to OUT (a folder for a FOLDER, a jar for a JAR) and",
                    "                    leave the input as it was; generated classes that an earlier run left",
                    "                    in the folder OUT and that no class uses any more are deleted.",
                    "                    Without it, the input is rewritten in place",
                    "  --explain DIR     write what each generator became (its states, lines and kept locals)",
                    "                    to DIR/<package>/<Class>.txt, as the plugin does under target/generators/explain",
                    "  --type-checks warn  print a yield, send, result or delegation whose type can never fit",
                    "                    the generator's declaration as a warning and rewrite it all the same",
                    "                    (default: error, which refuses it)",
                    "  --help            print this and exit",
                    "",
                    "exit status:",
                    "  0  rewritten (or nothing to rewrite); prints \"generators: scanned N classes, rewrote ...\"",
                    "  1  something was refused or could not be read or written: each problem is printed with",
                    "     its class, method and source line, and nothing was changed",
                    "  2  a wrong command line: the usage is printed")
            .formatted(File.pathSeparator);

    private Main() {}

    public static void main(String[] arguments) {
        System.exit(run(arguments, System.out, System.err));
    }

    static int run(String[] arguments, PrintStream out, PrintStream err) {
        List<Path> classPath = new ArrayList<>();
        Path output = null;
        Path explain = null;
        Path input = null;
        if (List.of(arguments).contains("--help") || List.of(arguments).contains("-h")) {
            out.println(HELP);
            return 0;
        }
        RewriteOptions options = RewriteOptions.DEFAULT;
        if (arguments.length == 0 || !arguments[0].equals("rewrite")) {
            err.println(USAGE);
            return 2;
        }
        for (int i = 1; i < arguments.length; i++) {
            String argument = arguments[i];
            boolean takesValue = argument.equals("--classpath")
                    || argument.equals("--output")
                    || argument.equals("--explain")
                    || argument.equals("--type-checks");
            if (takesValue && i + 1 < arguments.length) {
                String value = arguments[++i];
                switch (argument) {
                    case "--output" -> output = Path.of(value);
                    case "--explain" -> explain = Path.of(value);
                    case "--type-checks" -> {
                        if (!value.equals("warn") && !value.equals("error")) {
                            err.println(USAGE);
                            return 2;
                        }
                        options = options.warningOfTypes(value.equals("warn"));
                    }
                    default -> {
                        for (String entry : value.split(File.pathSeparator)) {
                            classPath.add(Path.of(entry));
                        }
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
            BatchRewriter.Outcome outcome;
            if (Files.isDirectory(input)) {
                outcome = rewriteFolder(input, output, classPath, options, out);
            } else {
                JarRewriter.Result jar =
                        JarRewriter.rewrite(input, output == null ? input : output, classPath, options);
                outcome = jar.outcome();
                if (!jar.removedSignature().isEmpty()) {
                    out.println(
                            "generators: removed the signature of " + input + " ("
                                    + String.join(", ", jar.removedSignature())
                                    + "), which the rewritten classes would not match: sign the rewritten jar again if it must be signed");
                }
            }
            BatchRewriter.Summary summary = outcome.summary();
            summary.warnings().forEach(warning -> err.println("warning: " + warning));
            if (summary.failed()) {
                summary.misuses().forEach(err::println);
                err.println("generators: " + summary.misuses().size() + " problem(s); nothing was changed");
                return 1;
            }
            if (explain != null) {
                for (Map.Entry<String, String> explanation :
                        outcome.explanations().entrySet()) {
                    Path report = explain.resolve(explanation.getKey() + ".txt");
                    Files.createDirectories(report.getParent());
                    Files.writeString(report, explanation.getValue());
                }
            }
            out.println("generators: scanned " + summary.scanned() + " classes, rewrote " + summary.methodsRewritten()
                    + " methods in " + summary.classesRewritten() + " classes");
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("generators: " + e);
            return 1;
        }
    }

    private static BatchRewriter.Outcome rewriteFolder(
            Path folder, Path output, List<Path> classPath, RewriteOptions options, PrintStream out)
            throws IOException {
        Path target = folder;
        StaleClasses stale = null;
        if (output != null && !output.equals(folder)) {
            copyFolder(folder, output);
            target = output;
            stale = StaleClasses.besideCopy(folder, output);
        }
        List<Path> lookup = new ArrayList<>(List.of(target));
        lookup.addAll(classPath);
        try (ClassHierarchy hierarchy = ClassHierarchy.of(lookup)) {
            BatchRewriter.Outcome outcome = FolderRewriter.rewrite(
                    target, hierarchy, FolderRewriter.classFiles(target, file -> true), stale, options);
            if (stale != null) {
                stale.removed()
                        .forEach(removed ->
                                out.println("generators: removed " + removed + ", which no class uses any more"));
            }
            return outcome;
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
