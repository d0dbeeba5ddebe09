package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rewrite that stops at any write leaves no class that refers to a generator class not on disk,
 * and the next run finishes the job: the owner is written last, as the commit point.
 */
class InterruptedWriteTest {

    private static final String SOURCE = """
            package w;
            import dev.generators.*;
            import java.util.*;
            public class Two {
                @Generator
                public static Iterator<Integer> first(int n) {
                    for (int i = 0; i < n; i++) Yield.value(i);
                    return Yield.done();
                }
                @Generator
                public static Iterator<Integer> second(int n) {
                    Yield.value(n);
                    return Yield.done();
                }
                public static class Other {
                    @Generator
                    public static Iterator<Integer> third() {
                        Yield.value(3);
                        return Yield.done();
                    }
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void aRunStoppedAtAnyWriteLeavesNoBrokenClassAndTheNextRunRepairsIt() throws Exception {
        Map<String, byte[]> compiled = Compiler.compile(SOURCE);
        int writes = 5; // two owners, three generator classes
        for (int failAt = 1; failAt <= writes; failAt++) {
            Path folder = work.resolve("run" + failAt);
            for (Map.Entry<String, byte[]> entry : compiled.entrySet()) {
                Path file = folder.resolve(entry.getKey() + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, entry.getValue());
            }
            int[] count = {0};
            int stop = failAt;
            List<String> written = new ArrayList<>();
            try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of(folder))) {
                IOException full = assertThrows(
                        IOException.class,
                        () -> FolderRewriter.rewrite(
                                folder,
                                hierarchy,
                                FolderRewriter.classFiles(folder, file -> true),
                                null,
                                RewriteOptions.DEFAULT,
                                (target, content) -> {
                                    if (++count[0] == stop) {
                                        throw new IOException("disk full");
                                    }
                                    written.add(folder.relativize(target).toString());
                                    AtomicFile.write(target, content);
                                }));
                assertEquals("disk full", full.getMessage());
            }
            assertEquals(failAt - 1, written.size());
            for (String generator : List.of("w.Two.first", "w.Two.second", "w.Two$Other.third")) {
                assertRunsOrIsNotRewritten(folder, generator, written);
            }
            try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of(folder))) {
                BatchRewriter.Summary summary = FolderRewriter.rewrite(folder, hierarchy);
                assertFalse(summary.failed(), summary.misuses()::toString);
            }
            assertEquals(List.of(0, 1), values(folder, "w.Two.first", 2));
            assertEquals(List.of(7), values(folder, "w.Two.second", 7));
            assertEquals(List.of(3), values(folder, "w.Two$Other.third"));
        }
    }

    /** Either the class on disk is rewritten and its generator runs, or it is javac's and says it was not rewritten. */
    private static void assertRunsOrIsNotRewritten(Path folder, String generator, List<String> written)
            throws Exception {
        Object[] arguments = generator.endsWith("third") ? new Object[0] : new Object[] {1};
        try {
            values(folder, generator, arguments);
        } catch (InvocationTargetException | IllegalStateException notRewritten) {
            Throwable cause = notRewritten instanceof InvocationTargetException i ? i.getCause() : notRewritten;
            assertTrue(
                    cause instanceof IllegalStateException && cause.getMessage().contains("not rewritten"),
                    () -> generator + " after writing " + written + ": " + cause);
        }
    }

    private static List<Object> values(Path folder, String generator, Object... arguments) throws Exception {
        int dot = generator.lastIndexOf('.');
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {folder.toUri().toURL()}, InterruptedWriteTest.class.getClassLoader())) {
            Class<?> owner = loader.loadClass(generator.substring(0, dot));
            var method = java.util.Arrays.stream(owner.getMethods())
                    .filter(m -> m.getName().equals(generator.substring(dot + 1)))
                    .findFirst()
                    .orElseThrow();
            return RoundTripTest.drain(method.invoke(null, arguments));
        }
    }
}
