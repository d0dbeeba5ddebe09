package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * The checks a rewritten class passes before it is written see a wrong stack map frame: the
 * guess the rewriter once made, a class it could not find taken for a direct subclass of Object.
 */
class OutputChecksTest {

    private static final String SOURCE = """
            package ex;
            class Shapes {
                static class Base { int size() { return 1; } }
                static class A extends Base { int size() { return 2; } }
                static class B extends Base { int size() { return 3; } }
                static int merge(boolean c) {
                    Base b = c ? new A() : new B();
                    return b.size();
                }
            }
            """;

    /** Shapes with its frames computed as if A and B were unknown: the merge becomes Object. */
    private static byte[] guessed(byte[] shapes) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object";
            }
        };
        new ClassReader(shapes).accept(writer, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    private static ClassHierarchy hierarchy(Map<String, byte[]> classes) throws IOException {
        ClassHierarchy hierarchy = ClassHierarchy.of(List.of());
        classes.values().forEach(hierarchy::define);
        return hierarchy;
    }

    @Test
    void aFrameTooGeneralForTheCodeAfterItIsCaught() throws IOException {
        Map<String, byte[]> compiled = Compiler.compile(SOURCE);
        try (ClassHierarchy hierarchy = hierarchy(compiled)) {
            OutputVerifier verifier = new OutputVerifier(hierarchy);
            assertNull(verifier.problem(compiled.get("ex/Shapes")), "javac's own frames hold");
            String problem = verifier.problem(guessed(compiled.get("ex/Shapes")));
            assertNotNull(problem, "a guessed frame passed");
            assertTrue(problem.startsWith("merge(Z)I has stack map frames that do not hold"), problem);
        }
    }

    @Test
    void theJvmVerifiesWhatItCanLoad(@TempDir Path folder) throws IOException {
        Map<String, byte[]> compiled = Compiler.compile(SOURCE);
        for (Map.Entry<String, byte[]> entry : compiled.entrySet()) {
            Path file = folder.resolve(entry.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of(folder));
                ClassHierarchy empty = ClassHierarchy.of(List.of())) {
            assertEquals(Map.of(), LoadCheck.problems(compiled, hierarchy));
            Map<String, byte[]> wrong = Map.of("ex/Shapes", guessed(compiled.get("ex/Shapes")));
            Map<String, String> problems = LoadCheck.problems(wrong, hierarchy);
            assertEquals(List.of("ex/Shapes"), List.copyOf(problems.keySet()));
            assertTrue(problems.get("ex/Shapes").contains("VerifyError"), problems::toString);
            assertEquals(
                    Map.of(), LoadCheck.problems(wrong, empty), "without its classes it cannot be loaded, nor refused");
        }
    }
}
