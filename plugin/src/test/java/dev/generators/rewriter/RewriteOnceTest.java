package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of classes is rewritten once: again it changes nothing, and classes without generators are never touched. */
class RewriteOnceTest {

    private static final String SOURCE = """
            package p;
            import dev.generators.*;
            import java.util.*;
            public class Once {
                @Generator
                public static Iterator<Integer> count(int n) {
                    for (int i = 0; i < n; i++) Yield.value(i);
                    return Yield.done();
                }
                static class Plain { int x() { return 1; } }
            }
            """;

    @TempDir
    Path classes;

    @Test
    void aSecondRunChangesNothing() throws IOException {
        for (Map.Entry<String, byte[]> entry : Compiler.compile(SOURCE).entrySet()) {
            Path file = classes.resolve(entry.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        byte[] plain = Files.readAllBytes(classes.resolve("p/Once$Plain.class"));

        BatchRewriter.Summary first = rewrite();
        assertEquals(new BatchRewriter.Summary(2, 1, 1, List.of()), first);
        assertTrue(Files.isRegularFile(classes.resolve("p/Once$count$Generator.class")));
        byte[] rewritten = Files.readAllBytes(classes.resolve("p/Once.class"));

        BatchRewriter.Summary second = rewrite();
        assertEquals(new BatchRewriter.Summary(3, 0, 0, List.of()), second);
        assertArrayEquals(rewritten, Files.readAllBytes(classes.resolve("p/Once.class")));
        assertArrayEquals(plain, Files.readAllBytes(classes.resolve("p/Once$Plain.class")));
        try (var files = Files.list(classes.resolve("p"))) {
            assertFalse(files.anyMatch(f -> f.toString().endsWith(".tmp")), "no temporary file is left behind");
        }
    }

    private BatchRewriter.Summary rewrite() throws IOException {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of(classes))) {
            return FolderRewriter.rewrite(classes, hierarchy);
        }
    }

    @Test
    void anIncrementalRunReadsOnlyClassesCompiledSinceTheLastOne() throws IOException {
        for (Map.Entry<String, byte[]> entry : Compiler.compile(SOURCE).entrySet()) {
            Path file = classes.resolve(entry.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        }
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of(classes))) {
            BatchRewriter.Summary none = rewriteChangedAfter(hierarchy, 2_000_000);
            assertEquals(new BatchRewriter.Summary(0, 0, 0, List.of()), none, "nothing was compiled since");
            assertFalse(Files.exists(classes.resolve("p/Once$count$Generator.class")));
            BatchRewriter.Summary all = rewriteChangedAfter(hierarchy, 500_000);
            assertEquals(new BatchRewriter.Summary(2, 1, 1, List.of()), all);
        }
    }

    private BatchRewriter.Summary rewriteChangedAfter(ClassHierarchy hierarchy, long millis) throws IOException {
        List<Path> changed =
                FolderRewriter.classFiles(classes, FolderRewriter.changedAfter(FileTime.fromMillis(millis)));
        return FolderRewriter.rewrite(classes, hierarchy, changed).summary();
    }
}
