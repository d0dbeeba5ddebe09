package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.StateMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/** A runtime on the class path older than the code the plugin generates fails the build, naming both versions. */
class RuntimeVersionTest {

    private static final String SOURCE = """
            import dev.generators.*;
            import java.util.*;
            class Uses {
                @Generator
                static Iterator<Integer> one() { Yield.value(1); return Yield.done(); }
            }
            """;

    @Test
    void theRuntimeBuiltWithThePluginRunsWhatItGenerates() {
        assertEquals(RuntimeNames.GENERATED_CODE_LEVEL, StateMachine.GENERATED_CODE_LEVEL);
        assertEquals(RuntimeNames.GENERATED_CODE_LEVEL_FIELD, "GENERATED_CODE_LEVEL");
        assertEquals(List.of(), Compiler.misuses(SOURCE));
    }

    @Test
    void anOlderRuntimeOnTheClassPathFailsTheBuildNamingBothVersions(@TempDir Path oldRuntime) throws Exception {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(
                Opcodes.V1_8,
                Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT,
                RuntimeNames.STATE_MACHINE,
                null,
                "java/lang/Object",
                null);
        writer.visitEnd();
        Path classFile = oldRuntime.resolve(RuntimeNames.STATE_MACHINE + ".class");
        Files.createDirectories(classFile.getParent());
        Files.write(classFile, writer.toByteArray());
        Path pom = oldRuntime.resolve("META-INF/maven/dev.generators/generators-runtime/pom.properties");
        Files.createDirectories(pom.getParent());
        Files.writeString(pom, "groupId=dev.generators\nartifactId=generators-runtime\nversion=0.0.9\n");
        Map<String, byte[]> compiled = Compiler.compile(SOURCE);
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of(oldRuntime))) {
            OwnerClassRewriter.Result result =
                    new OwnerClassRewriter(hierarchy).rewrite(compiled.get("Uses"), "Uses.class");
            assertEquals(1, result.misuses().size(), result.misuses()::toString);
            String message = result.misuses().get(0).message();
            assertTrue(
                    message.contains("generators-runtime on the class path (0.0.9, generated-code level 0)"), message);
            assertTrue(message.contains("(level " + RuntimeNames.GENERATED_CODE_LEVEL + ")"), message);
            assertTrue(message.contains("generators-maven-plugin (version unknown)"), message);
        }
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            assertNull(RuntimeVersion.problem(hierarchy), "the runtime the tests run with");
        }
    }
}
