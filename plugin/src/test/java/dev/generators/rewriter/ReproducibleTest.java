package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two builds of the same sources write the same bytes: no order, name or number depends on the run. */
class ReproducibleTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void twoRewritesOfTheSameClassesWriteTheSameBytes(@TempDir Path work) throws Exception {
        String shapes = Files.readString(ROOT.resolve("test-projects/quickstart/src/main/java/example/Fib.java"));
        for (String source : List.of(
                shapes,
                RandomGeneratorSource.program(7).source(),
                RandomGeneratorSource.program(8).source())) {
            Map<String, byte[]> first = Compiler.compile(source);
            Map<String, byte[]> second = Compiler.compile(source);
            Path one = write(work.resolve("one"), first);
            Path two = write(work.resolve("two"), second);
            BatchRewriter.Summary a;
            BatchRewriter.Summary b;
            try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of(one))) {
                a = FolderRewriter.rewrite(one, hierarchy);
            }
            try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of(two))) {
                b = FolderRewriter.rewrite(two, hierarchy);
            }
            assertFalse(a.failed(), a.misuses()::toString);
            assertEquals(a, b);
            List<Path> files = FolderRewriter.classFiles(one, file -> true);
            assertEquals(
                    files.stream().map(one::relativize).toList(),
                    FolderRewriter.classFiles(two, file -> true).stream()
                            .map(two::relativize)
                            .toList());
            for (Path file : files) {
                assertArrayEquals(
                        Files.readAllBytes(file),
                        Files.readAllBytes(two.resolve(one.relativize(file))),
                        file::toString);
            }
        }
    }

    private static Path write(Path folder, Map<String, byte[]> classes) throws Exception {
        if (Files.exists(folder)) {
            try (var old = Files.walk(folder)) {
                for (Path file : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            Path file = folder.resolve(entry.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        return folder;
    }
}
