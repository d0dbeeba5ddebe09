package dev.generators.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Generator;
import dev.generators.StateMachine;
import dev.generators.Yield;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line rewrites a jar or a folder that javac alone built, and refuses misuses without touching them. */
class MainTest {

    @TempDir
    Path work;

    private Path compile(String name, String source) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src/p"));
        Files.writeString(sources.resolve(name + ".java"), source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "-g",
                        "-d",
                        classes.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        sources.resolve(name + ".java").toString());
        assertEquals(0, status, "javac");
        return classes;
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                var files = Files.walk(classes)) {
            for (Path entry : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                JarEntry written =
                        new JarEntry(classes.relativize(entry).toString().replace('\\', '/'));
                written.setTime(946_684_800_000L); // 2000-01-01, as a jar built earlier
                out.putNextEntry(written);
                out.write(Files.readAllBytes(entry));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static int run(StringBuilder output, String... arguments) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = Main.run(arguments, stream, stream);
        output.append(bytes.toString(StandardCharsets.UTF_8));
        return status;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> values(URL where, String className) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {where}, MainTest.class.getClassLoader())) {
            Iterable<Object> generator = (Iterable<Object>)
                    loader.loadClass(className).getMethod("squares", int.class).invoke(null, 4);
            List<Object> values = new ArrayList<>();
            generator.forEach(values::add);
            return values;
        }
    }

    private static final String SQUARES = """
            package p;
            import dev.generators.*;
            public class Squares {
                @Generator
                public static Iterable<Integer> squares(int n) {
                    for (int i = 1; i <= n; i++) Yield.value(i * i);
                    return Yield.done();
                }
            }
            """;

    @Test
    void rewritesAJarInPlace() throws Exception {
        Path jar = jar(compile("Squares", SQUARES), work.resolve("squares.jar"));
        StringBuilder output = new StringBuilder();
        assertEquals(
                0,
                run(output, "rewrite", "--classpath", System.getProperty("java.class.path"), jar.toString()),
                output::toString);
        assertTrue(output.toString().contains("rewrote 1 methods in 1 classes"), output::toString);
        assertEquals(List.of(1, 4, 9, 16), values(jar.toUri().toURL(), "p.Squares"));
    }

    @Test
    void aRewrittenJarLosesItsSignatureAndSaysSo() throws Exception {
        Path classes = compile("Squares", SQUARES);
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(
                classes.resolve("META-INF/MANIFEST.MF"),
                "Manifest-Version: 1.0\r\nMain-Class: p.Squares\r\n\r\n"
                        + "Name: p/Squares.class\r\nSHA-256-Digest: c2lnbmVk\r\n\r\n"
                        + "Name: p/Kept.txt\r\nSHA-256-Digest: c2lnbmVk\r\nX-Note: kept\r\n\r\n");
        Files.writeString(classes.resolve("META-INF/SIGNER.SF"), "Signature-Version: 1.0\r\n");
        Files.write(classes.resolve("META-INF/SIGNER.RSA"), new byte[] {1, 2, 3});
        Files.writeString(classes.resolve("META-INF/OTHER.EC"), "x");
        Files.writeString(classes.resolve("META-INF/notes.txt"), "not a signature");
        Path jar = jar(classes, work.resolve("signed.jar"));
        StringBuilder output = new StringBuilder();
        assertEquals(
                0,
                run(output, "rewrite", "--classpath", System.getProperty("java.class.path"), jar.toString()),
                output::toString);
        assertTrue(
                output.toString()
                        .contains("removed the signature of " + jar + " (META-INF/OTHER.EC, META-INF/SIGNER.RSA,"
                                + " META-INF/SIGNER.SF, META-INF/MANIFEST.MF (its entries' digests))"),
                output::toString);
        try (JarFile rewritten = new JarFile(jar.toFile())) {
            assertEquals(null, rewritten.getEntry("META-INF/SIGNER.SF"));
            assertEquals(null, rewritten.getEntry("META-INF/SIGNER.RSA"));
            assertEquals(null, rewritten.getEntry("META-INF/OTHER.EC"));
            assertTrue(rewritten.getEntry("META-INF/notes.txt") != null, "other META-INF files stay");
            var manifest = rewritten.getManifest();
            assertEquals("p.Squares", manifest.getMainAttributes().getValue("Main-Class"));
            assertEquals(null, manifest.getAttributes("p/Squares.class"), "a section of a digest alone goes");
            assertEquals("kept", manifest.getAttributes("p/Kept.txt").getValue("X-Note"));
            assertEquals(null, manifest.getAttributes("p/Kept.txt").getValue("SHA-256-Digest"));
        }
        assertEquals(List.of(1, 4, 9, 16), values(jar.toUri().toURL(), "p.Squares"));
    }

    @Test
    void aJarWithNothingLeftToRewriteIsLeftAsItWas() throws Exception {
        Path jar = jar(compile("Squares", SQUARES), work.resolve("squares.jar"));
        StringBuilder output = new StringBuilder();
        assertEquals(0, run(output, "rewrite", jar.toString()), output::toString);
        try (JarFile rewrittenJar = new JarFile(jar.toFile())) {
            assertEquals(
                    946_684_800_000L, rewrittenJar.getEntry("p/Squares.class").getTime(), "the entry's time was kept");
        }
        FileTime before = FileTime.fromMillis(946_684_800_000L);
        Files.setLastModifiedTime(jar, before);
        byte[] rewritten = Files.readAllBytes(jar);
        assertEquals(0, run(output, "rewrite", jar.toString()), output::toString);
        assertTrue(output.toString().contains("rewrote 0 methods in 0 classes"), output::toString);
        assertArrayEquals(rewritten, Files.readAllBytes(jar), "a second run rewrote the jar again");
        assertEquals(before, Files.getLastModifiedTime(jar), "a second run wrote the jar again");
        Path copy = work.resolve("copy/squares.jar");
        assertEquals(0, run(output, "rewrite", "--output", copy.toString(), jar.toString()), output::toString);
        assertArrayEquals(rewritten, Files.readAllBytes(copy), "--output gets the jar as it was");
    }

    @Test
    void rewritesAJarIntoAFolderNotYetMade() throws Exception {
        Path jar = jar(compile("Squares", SQUARES), work.resolve("squares.jar"));
        Path out = work.resolve("build/libs/squares.jar");
        StringBuilder output = new StringBuilder();
        assertEquals(0, run(output, "rewrite", "--output", out.toString(), jar.toString()), output::toString);
        assertEquals(List.of(1, 4, 9, 16), values(out.toUri().toURL(), "p.Squares"));
    }

    @Test
    void rewritesAFolderIntoAnotherAndLeavesTheOriginal() throws Exception {
        Path classes = compile("Squares", SQUARES);
        byte[] original = Files.readAllBytes(classes.resolve("p/Squares.class"));
        Path out = work.resolve("out");
        StringBuilder output = new StringBuilder();
        assertEquals(0, run(output, "rewrite", "--output", out.toString(), classes.toString()), output::toString);
        assertTrue(Files.isRegularFile(out.resolve("p/Squares$squares$Generator.class")));
        assertEquals(List.of(1, 4, 9, 16), values(out.toUri().toURL(), "p.Squares"));
        assertArrayEquals(
                original,
                Files.readAllBytes(classes.resolve("p/Squares.class")),
                "the input folder was left as it was");
    }

    @Test
    void rewritesAJarThatBundlesTheRuntime() throws Exception {
        Path classes = compile("Squares", SQUARES);
        Path runtime = Files.createDirectories(classes.resolve("dev/generators"));
        for (Class<?> type : List.of(Yield.class, StateMachine.class, Generator.class)) {
            try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                Files.write(runtime.resolve(type.getSimpleName() + ".class"), in.readAllBytes());
            }
        }
        Path jar = jar(classes, work.resolve("fat.jar"));
        StringBuilder output = new StringBuilder();
        assertEquals(0, run(output, "rewrite", jar.toString()), output::toString);
        assertTrue(output.toString().contains("rewrote 1 methods in 1 classes"), output::toString);
        assertEquals(List.of(1, 4, 9, 16), values(jar.toUri().toURL(), "p.Squares"));
    }

    @Test
    void aMisuseFailsWithItsPlaceAndChangesNothing() throws Exception {
        Path jar = jar(compile("Bad", """
                package p;
                import dev.generators.*;
                public class Bad {
                    static void notAGenerator() { Yield.value(1); }
                }
                """), work.resolve("bad.jar"));
        byte[] before = Files.readAllBytes(jar);
        StringBuilder output = new StringBuilder();
        assertEquals(1, run(output, "rewrite", jar.toString()));
        assertTrue(
                output.toString()
                        .contains(
                                "Bad.java:4: p.Bad.notAGenerator(): Yield.value is called outside a @Generator method"),
                output::toString);
        assertArrayEquals(before, Files.readAllBytes(jar), "the jar was left as it was");
    }

    private static final String SHAPES = """
            package p;
            import dev.generators.*;
            import java.util.*;
            public class Shapes {
                public static class Base { public int size() { return 1; } }
                public static class A extends Base { public int size() { return 2; } }
                public static class B extends Base { public int size() { return 3; } }
                public static int merge(boolean c) {
                    Base b = c ? new A() : new B();
                    return b.size();
                }
                @Generator
                public static Iterable<Integer> squares(int n) {
                    for (int i = 1; i <= n; i++) Yield.value(i * merge(i % 2 == 0));
                    return Yield.done();
                }
                %s
            }
            """;

    /** Shapes.class alone in a folder: its nested classes moved to another, not on the command line. */
    private Path shapesAlone(String more) throws IOException {
        Path classes = compile("Shapes", SHAPES.replace("%s", more));
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere/p"));
        for (String nested : List.of("Base", "A", "B")) {
            Files.move(
                    classes.resolve("p/Shapes$" + nested + ".class"), elsewhere.resolve("Shapes$" + nested + ".class"));
        }
        return classes;
    }

    @Test
    void aFolderWithoutItsClassPathKeepsTheMethodsItDoesNotRewrite() throws Exception {
        Path classes = shapesAlone("");
        StringBuilder output = new StringBuilder();
        assertEquals(0, run(output, "rewrite", classes.toString()), output::toString);
        URL[] both = {classes.toUri().toURL(), work.resolve("elsewhere").toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(both, MainTest.class.getClassLoader())) {
            @SuppressWarnings("unchecked")
            Iterable<Object> squares = (Iterable<Object>)
                    loader.loadClass("p.Shapes").getMethod("squares", int.class).invoke(null, 3);
            List<Object> values = new ArrayList<>();
            squares.forEach(values::add);
            assertEquals(List.of(3, 4, 9), values, "merge(boolean) verifies, its frames as javac wrote them");
        }
    }

    @Test
    void aGeneratorWhoseFramesNeedAClassNotOnTheClassPathIsRefusedNamingIt() throws Exception {
        Path classes = shapesAlone("""
                @Generator
                public static Iterator<Integer> merging(boolean c) {
                    Base b = c ? new A() : new B();
                    Yield.value(b.size());
                    return Yield.done();
                }
                """);
        byte[] before = Files.readAllBytes(classes.resolve("p/Shapes.class"));
        StringBuilder output = new StringBuilder();
        assertEquals(1, run(output, "rewrite", classes.toString()), output::toString);
        assertTrue(
                output.toString()
                        .contains("p.Shapes.merging(boolean): the rewritten code needs to know the class p.Shapes$"),
                output::toString);
        assertTrue(output.toString().contains("--classpath"), output::toString);
        assertArrayEquals(before, Files.readAllBytes(classes.resolve("p/Shapes.class")), "nothing was changed");
        String classPath =
                work.resolve("elsewhere") + java.io.File.pathSeparator + System.getProperty("java.class.path");
        assertEquals(0, run(output, "rewrite", "--classpath", classPath, classes.toString()), output::toString);
    }

    @Test
    void aTypeThatCanNeverFitFailsUnlessTypeChecksWarn() throws Exception {
        Path classes = compile("Longs", """
                package p;
                import dev.generators.*;
                public class Longs {
                    @Generator
                    static Iterable<Long> upTo(int n) {
                        Yield.value(n);
                        return Yield.done();
                    }
                }
                """);
        String classPath = System.getProperty("java.class.path");
        StringBuilder refused = new StringBuilder();
        assertEquals(1, run(refused, "rewrite", "--classpath", classPath, classes.toString()));
        assertTrue(
                refused.toString().contains("Longs.java:6: p.Longs.upTo(int): Yield.value of an Integer"),
                refused::toString);
        assertTrue(Files.notExists(classes.resolve("p/Longs$upTo$Generator.class")));
        StringBuilder warned = new StringBuilder();
        assertEquals(
                0,
                run(warned, "rewrite", "--type-checks", "warn", "--classpath", classPath, classes.toString()),
                warned::toString);
        assertTrue(
                warned.toString().contains("warning: Longs.java:6: p.Longs.upTo(int): Yield.value of an Integer"),
                warned::toString);
        assertTrue(Files.isRegularFile(classes.resolve("p/Longs$upTo$Generator.class")));
    }

    @Test
    void aWrongCommandLinePrintsTheUsage() {
        StringBuilder output = new StringBuilder();
        assertEquals(2, run(output, "rewrite"));
        assertTrue(output.toString().startsWith("usage: rewrite"), output::toString);
    }

    @Test
    void helpDescribesEveryOptionAndExitStatusAndExitsWithZero() {
        StringBuilder output = new StringBuilder();
        assertEquals(0, run(output, "--help"));
        for (String said : List.of(
                "--classpath PATH", "--output OUT", "--explain DIR", "--help", "exit status", "0 ", "1 ", "2 ")) {
            assertTrue(output.toString().contains(said), said + " in " + output);
        }
        StringBuilder afterRewrite = new StringBuilder();
        assertEquals(0, run(afterRewrite, "rewrite", "--help"));
        assertEquals(output.toString(), afterRewrite.toString());
    }

    @Test
    void explainWritesWhatEachGeneratorBecame() throws Exception {
        Path classes = compile("Squares", SQUARES);
        Path explain = work.resolve("explain");
        StringBuilder output = new StringBuilder();
        assertEquals(
                0,
                run(
                        output,
                        "rewrite",
                        "--classpath",
                        System.getProperty("java.class.path"),
                        "--explain",
                        explain.toString(),
                        classes.toString()),
                output::toString);
        String text = Files.readString(explain.resolve("p/Squares.txt"));
        assertTrue(text.startsWith("p.Squares.squares(int): Iterable, frame class p.Squares$squares$Generator"), text);
    }

    @Test
    void anOutputFolderLosesTheClassOfARenamedGenerator() throws Exception {
        Path classes = compile("Squares", SQUARES);
        Path out = work.resolve("out");
        StringBuilder output = new StringBuilder();
        assertEquals(0, run(output, "rewrite", "--output", out.toString(), classes.toString()), output::toString);
        assertTrue(Files.isRegularFile(out.resolve("p/Squares$squares$Generator.class")));

        compile("Squares", SQUARES.replace("squares(", "allSquares("));
        assertEquals(0, run(output, "rewrite", "--output", out.toString(), classes.toString()), output::toString);

        assertTrue(Files.isRegularFile(out.resolve("p/Squares$allSquares$Generator.class")));
        assertFalse(Files.exists(out.resolve("p/Squares$squares$Generator.class")), output::toString);
        assertTrue(output.toString().contains("removed"), output::toString);
    }

    @Test
    void anOutputFolderLosesTheGeneratedClassesOfADeletedClassAndOfAMethodNoLongerAGenerator() throws Exception {
        Path classes = compile("Squares", SQUARES);
        compile("Cubes", SQUARES.replace("Squares", "Cubes"));
        Path out = work.resolve("out");
        StringBuilder output = new StringBuilder();
        assertEquals(0, run(output, "rewrite", "--output", out.toString(), classes.toString()), output::toString);

        Files.delete(classes.resolve("p/Cubes.class"));
        compile("Squares", """
                package p;
                public class Squares {
                    public static Iterable<Integer> squares(int n) {
                        return java.util.List.of(1);
                    }
                }
                """);
        assertEquals(0, run(output, "rewrite", "--output", out.toString(), classes.toString()), output::toString);

        assertFalse(Files.exists(out.resolve("p/Squares$squares$Generator.class")), output::toString);
        assertFalse(Files.exists(out.resolve("p/Cubes$squares$Generator.class")), output::toString);
    }
}
