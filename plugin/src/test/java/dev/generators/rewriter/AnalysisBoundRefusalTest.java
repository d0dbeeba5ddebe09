package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generator too hard to analyse within the bound is refused as the build reports it, through
 * the folder rewrite the Maven goals and the command line call: at its class, method and source
 * line, with what to do, and with nothing written.
 */
class AnalysisBoundRefusalTest {

    // A synchronized block in a try in a loop: the shape whose analysis once ran for minutes.
    private static final String SOURCE = """
            package p;
            import dev.generators.*;
            class Locks {
                static int count;
                @Generator
                static Iterable<Integer> locked(Object lock, String s) {
                    while (count < 2) {
                        try {
                            s.length();
                            synchronized (lock) { count++; }
                        } catch (RuntimeException e) {
                        }
                        Yield.value(count);
                    }
                    return Yield.done();
                }
            }
            """;
    private static final int FIRST_LINE = 7; // while
    private static final int LAST_LINE = 14; // return Yield.done()

    private static final Pattern REFUSAL = Pattern.compile(
            "Locks\\.java:(\\d+): p\\.Locks\\.locked\\(Object, String\\): the rewriter could not finish its"
                    + " (type|liveness) analysis of the method within its bound \\(1 steps per instruction,"
                    + " \\d+ instructions\\): please report it, and split the method meanwhile");

    @TempDir
    Path classes;

    private Map<Path, byte[]> compileInto() throws IOException {
        Map<Path, byte[]> written = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : Compiler.compile(SOURCE).entrySet()) {
            Path file = classes.resolve(entry.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
            written.put(file, entry.getValue());
        }
        return written;
    }

    private BatchRewriter.Outcome rewrite(RewriteOptions options) throws IOException {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of(classes))) {
            return FolderRewriter.rewrite(
                    classes, hierarchy, FolderRewriter.classFiles(classes, file -> true), null, options);
        }
    }

    @Test
    void aGeneratorOverTheAnalysisBoundIsRefusedAtItsLineWithWhatToDoAndNothingWritten() throws IOException {
        Map<Path, byte[]> compiled = compileInto();

        BatchRewriter.Outcome outcome = rewrite(RewriteOptions.DEFAULT.boundedTo(1));

        assertTrue(outcome.summary().failed(), "a refusal, not a rewrite");
        assertEquals(1, outcome.summary().misuses().size(), outcome.summary().misuses()::toString);
        String message = outcome.summary().misuses().get(0).toString();
        Matcher matcher = REFUSAL.matcher(message);
        assertTrue(matcher.matches(), message);
        int line = Integer.parseInt(matcher.group(1));
        assertTrue(line >= FIRST_LINE && line <= LAST_LINE, "a line of the method's body: " + message);

        assertEquals(Map.of(), outcome.outputs());
        for (Map.Entry<Path, byte[]> file : compiled.entrySet()) {
            assertArrayEquals(
                    file.getValue(), Files.readAllBytes(file.getKey()), file.getKey() + " is as javac wrote it");
        }
        assertFalse(Files.exists(classes.resolve("p/Locks$locked$Generator.class")), "no generator class is written");
    }

    @Test
    void theSameGeneratorWithinTheUsualBoundIsRewritten() throws IOException {
        compileInto();

        BatchRewriter.Outcome outcome = rewrite(RewriteOptions.DEFAULT);

        assertFalse(outcome.summary().failed(), outcome.summary().misuses()::toString);
        assertEquals(1, outcome.summary().methodsRewritten());
        assertTrue(Files.exists(classes.resolve("p/Locks$locked$Generator.class")));
    }
}
