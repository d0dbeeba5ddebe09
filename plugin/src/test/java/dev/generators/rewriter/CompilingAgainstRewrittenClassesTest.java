package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * javac compiling other classes against a rewritten class (an incremental build, a library) sees
 * the generator as the user declared it: the method that holds its body is no overload of it.
 */
class CompilingAgainstRewrittenClassesTest {

    private static final String WORDS = """
            package p;
            import dev.generators.*;
            import java.util.Iterator;
            public class Words {
                @Generator
                public static Iterator<String> words(String text) {
                    for (String word : text.split(" ")) {
                        Yield.value(word);
                    }
                    return Yield.done();
                }
            }
            """;

    /**
     * In the same package, so that package-private methods of Words are candidates too. The body
     * takes the generator's arguments and then the generator object: an overload of two
     * parameters would make {@code Words::words} an inexact method reference, fit for
     * {@code pick}'s two-argument interface too.
     */
    private static final String CALLER = """
            package p;
            import java.util.Iterator;
            import java.util.function.BiFunction;
            import java.util.function.Function;
            class Caller {
                static Iterator<String> none() {
                    return Words.words(null);
                }
                static final Function<String, Iterator<String>> WORDS = Words::words;
                static Object pick(Function<String, Iterator<String>> one) {
                    return one;
                }
                static Object pick(BiFunction<String, Object, Object> two) {
                    return two;
                }
                static final Object PICKED = pick(Words::words);
            }
            """;

    @Test
    void callsOfTheGeneratorCompileAsDeclared(@TempDir Path dir) throws IOException {
        Path classes = write(dir.resolve("classes"), Compiler.rewrite(WORDS));
        MethodNode body = method(classes, "words-body");
        assertEquals(0, body.access & Opcodes.ACC_SYNTHETIC, "the body is not hidden as synthetic");
        assertEquals(List.of(), compile(classes, dir.resolve("caller"), CALLER));
    }

    /**
     * The test above can fail: the same body under the generator's own name, an overload javac
     * sees, makes {@code pick(Words::words)} ambiguous.
     */
    @Test
    void theBodyUnderTheGeneratorsNameWouldBeAnAmbiguousOverload(@TempDir Path dir) throws IOException {
        Path classes = write(dir.resolve("classes"), Compiler.rewrite(WORDS));
        Path owner = classes.resolve("p/Words.class");
        ClassNode words = new ClassNode();
        new ClassReader(Files.readAllBytes(owner)).accept(words, 0);
        words.methods.stream().filter(m -> m.name.equals("words-body")).forEach(m -> m.name = "words");
        ClassWriter writer = new ClassWriter(0);
        words.accept(writer);
        Files.write(owner, writer.toByteArray());

        List<String> errors = compile(classes, dir.resolve("caller"), CALLER);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).contains("ambiguous"), errors::toString);
    }

    private static Path write(Path dir, Map<String, byte[]> classes) throws IOException {
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            Path file = dir.resolve(entry.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        return dir;
    }

    private static MethodNode method(Path classes, String name) throws IOException {
        ClassNode words = new ClassNode();
        new ClassReader(Files.readAllBytes(classes.resolve("p/Words.class"))).accept(words, 0);
        return words.methods.stream()
                .filter(m -> m.name.equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Compiles {@code caller} against {@code classes}; returns javac's errors. */
    private static List<String> compile(Path classes, Path out, String caller) throws IOException {
        Path source = out.resolve("src/p/Caller.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, caller);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            String classPath = classes + File.pathSeparator + System.getProperty("java.class.path");
            javac.getTask(
                            null,
                            files,
                            diagnostics,
                            List.of("-d", out.toString(), "-classpath", classPath),
                            null,
                            files.getJavaFileObjects(source))
                    .call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(null))
                .toList();
    }
}
