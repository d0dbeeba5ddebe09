package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/how-it-works.md shows the generator class and the resume method the plugin makes of the
 * quickstart's Fib, as {@code javap -c -p} prints them (the resume method with comments of ours):
 * this rebuilds them from the quickstart's source and compares, so the page cannot go stale.
 */
class HowItWorksDocTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theListingsInTheDocsAreWhatTheRewriterMakes(@TempDir Path classes) throws IOException {
        String source = Files.readString(ROOT.resolve("test-projects/quickstart/src/main/java/example/Fib.java"));
        for (Map.Entry<String, byte[]> entry : Compiler.rewrite(source).entrySet()) {
            Path file = classes.resolve(entry.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        String doc = Files.readString(ROOT.resolve("docs/how-it-works.md"));

        String frame = javap(classes, "example.Fib$fibonacci$Generator");
        assertEquals(
                frame,
                listing(doc, "final class example.Fib$fibonacci$Generator"),
                "docs/how-it-works.md shows another generator class than the rewriter makes: paste this output there");

        List<String> owner = List.of(javap(classes, "example.Fib").split("\n"));
        String header = "  static java.lang.Object fibonacci-body(int, example.Fib$fibonacci$Generator);";
        int from = owner.indexOf(header);
        int to = from + 1;
        while (to < owner.size() && !owner.get(to).matches("  \\S.*|}")) {
            to++;
        }
        String body = String.join("\n", owner.subList(from, to));
        String shown = Arrays.stream(listing(doc, header).split("\n"))
                .map(HowItWorksDocTest::withoutOurComment)
                .collect(Collectors.joining("\n"));
        assertEquals(
                body,
                shown,
                "docs/how-it-works.md shows another resume method than the rewriter makes:"
                        + " paste this output there (and put the comments back)");
    }

    private static String javap(Path classes, String name) {
        StringWriter out = new StringWriter();
        ToolProvider.findFirst("javap")
                .orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(out), "-c", "-p", "-cp", classes.toString(), name);
        return Arrays.stream(out.toString().split("\\R"))
                .filter(line -> !line.isBlank() && !line.trim().equals("Code:") && !line.startsWith("Compiled from"))
                .collect(Collectors.joining("\n"));
    }

    /** The listing in {@code doc} that begins with {@code first}, up to the end of its code block. */
    private static String listing(String doc, String first) {
        int start = doc.indexOf(first);
        return doc.substring(start, doc.indexOf("\n```", start));
    }

    /** A listing line as javap prints it: without a comment of ours, keeping javap's own ({@code // Field ...}). */
    private static String withoutOurComment(String line) {
        int comment = line.indexOf("//");
        if (comment < 0 || line.substring(comment).matches("// (Field|Method|InterfaceMethod|class|String|0 to) .*")) {
            return line;
        }
        return line.substring(0, comment).stripTrailing();
    }
}
