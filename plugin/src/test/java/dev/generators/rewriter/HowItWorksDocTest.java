package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/how-it-works.md shows the frame class the plugin makes of the quickstart's Fib, as
 * {@code javap -c -p} prints it: this rebuilds it from the quickstart's source and compares, so
 * the page cannot go stale.
 */
class HowItWorksDocTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theFrameClassInTheDocsIsWhatTheRewriterMakes(@TempDir Path classes) throws IOException {
        String source = Files.readString(ROOT.resolve("test-projects/quickstart/src/main/java/example/Fib.java"));
        for (Map.Entry<String, byte[]> entry : Compiler.rewrite(source).entrySet()) {
            Path file = classes.resolve(entry.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        StringWriter out = new StringWriter();
        ToolProvider.findFirst("javap").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(out), "-c", "-p", "-cp", classes.toString(), "example.Fib$fibonacci$Generator");
        String javap = Arrays.stream(out.toString().split("\\R"))
                .filter(line -> !line.isBlank() && !line.trim().equals("Code:") && !line.startsWith("Compiled from"))
                .collect(Collectors.joining("\n"));

        String doc = Files.readString(ROOT.resolve("docs/how-it-works.md"));
        int start = doc.indexOf("final class example.Fib$fibonacci$Generator");
        String shown = doc.substring(start, doc.indexOf("\n```", start));
        assertEquals(javap, shown, "docs/how-it-works.md shows another frame class than the rewriter makes: paste this output there");
    }
}
