package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Methods the rewriter does not rewrite keep the compiler's bytes, frames included; the frames of
 * the methods it does rewrite are computed from classes it can find, never guessed.
 */
class KeptBytesTest {

    private static final String SHAPES = """
            package ex;
            import dev.generators.*;
            import java.util.*;
            class Shapes {
                static class Base { int size() { return 1; } }
                static class A extends Base { int size() { return 2; } }
                static class B extends Base { int size() { return 3; } }
                static int merge(boolean c) {
                    Base b = c ? new A() : new B();
                    return b.size();
                }
                @Generator
                static Iterator<Integer> sizes(int n) {
                    for (int i = 0; i < n; i++) {
                        Yield.value(merge(i % 2 == 0));
                    }
                    return Yield.done();
                }
            %s
            }
            """;

    /** A generator whose frames merge Shapes.A and Shapes.B into Shapes.Base. */
    private static final String MERGING = SHAPES.replace("%s", """
                @Generator
                static Iterator<Integer> merging(boolean c) {
                    Base b = c ? new A() : new B();
                    Yield.value(b.size());
                    return Yield.done();
                }
            """);

    /** The same, a plain method. */
    private static final String PLAIN = SHAPES.replace("%s", """
                static Iterator<Integer> merging(boolean c) {
                    Base b = c ? new A() : new B();
                    return List.of(b.size()).iterator();
                }
            """);

    @TempDir
    Path work;

    /** The owner class rewritten with only itself known: its nested classes are not on the class path. */
    private static OwnerClassRewriter.Result rewriteAlone(Map<String, byte[]> compiled) throws IOException {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            hierarchy.define(compiled.get("ex/Shapes"));
            return new OwnerClassRewriter(hierarchy).rewrite(compiled.get("ex/Shapes"), "ex/Shapes.class");
        }
    }

    @Test
    void aMethodThatIsNotRewrittenKeepsItsBytesAndFrames() throws Exception {
        Map<String, byte[]> compiled = Compiler.compile(PLAIN);
        Map<String, byte[]> rewritten = Compiler.rewrite(PLAIN);
        Path before = write(work.resolve("before"), compiled);
        Path after = write(work.resolve("after"), rewritten);
        for (String method : List.of(
                "static int merge(boolean);",
                "ex.Shapes();",
                "static java.util.Iterator<java.lang.Integer> merging(boolean);")) {
            String kept = method(javap(before), method);
            assertTrue(kept.contains("StackMapTable") || method.endsWith("Shapes();"), kept);
            assertEquals(kept, method(javap(after), method), method);
        }
        assertNotEquals(
                method(javap(before), "static java.util.Iterator<java.lang.Integer> sizes(int);"),
                method(javap(after), "static java.util.Iterator<java.lang.Integer> sizes(int);"));
    }

    @Test
    void aClassWhoseOtherMethodsMergeUnknownClassesStillVerifies() throws Exception {
        Map<String, byte[]> compiled = Compiler.compile(PLAIN);
        OwnerClassRewriter.Result result = rewriteAlone(compiled);
        assertEquals(List.of(), result.misuses());
        Map<String, byte[]> classes = new java.util.HashMap<>(compiled);
        classes.putAll(result.classes());
        Class<?> shapes = Compiler.define(classes, "ex/Shapes");
        Method merge = shapes.getDeclaredMethod("merge", boolean.class);
        merge.setAccessible(true);
        assertEquals(2, merge.invoke(null, true));
        assertEquals(List.of(2, 3, 2), RoundTripTest.drain(RoundTripTest.call(shapes, "sizes", 3)));
    }

    @Test
    void aRewrittenMethodWhoseFramesNeedAnUnknownClassIsRefusedNamingIt() throws Exception {
        OwnerClassRewriter.Result result = rewriteAlone(Compiler.compile(MERGING));
        assertEquals(Map.of(), result.classes());
        assertEquals(1, result.misuses().size(), result.misuses()::toString);
        Misuse misuse = result.misuses().get(0);
        assertTrue(misuse.toString().startsWith("Shapes.java:"), misuse::toString);
        assertTrue(misuse.toString().contains("ex.Shapes.merging(boolean)"), misuse::toString);
        assertTrue(misuse.message().contains("needs to know the class ex.Shapes$"), misuse::toString);
        assertTrue(misuse.message().contains("--classpath"), misuse::toString);
    }

    private static Path write(Path folder, Map<String, byte[]> classes) throws IOException {
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            Path file = folder.resolve(entry.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        return folder;
    }

    private static String javap(Path classes) {
        StringWriter out = new StringWriter();
        ToolProvider.findFirst("javap")
                .orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(out), "-v", "-p", "-cp", classes.toString(), "ex.Shapes");
        return out.toString();
    }

    /** What {@code javap -v} prints of one method: its flags, code, constant pool indices, tables and frames. */
    private static String method(String listing, String header) {
        int start = listing.indexOf("\n  " + header + "\n");
        assertTrue(start >= 0, () -> header + " in\n" + listing);
        int end = listing.indexOf("\n\n", start + 1);
        int last = listing.indexOf("\n}", start + 1);
        return listing.substring(start, end < 0 || last < end ? last : end);
    }
}
