package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Compiles Java source with javac in memory, runs the rewriter over the classes, verifies what
 * it wrote, and loads the result: the round trip every rewriter test makes.
 */
final class Compiler {

    private static final Pattern TYPE_NAME = Pattern.compile("(?:class|interface|enum|record)\\s+(\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("package\\s+([\\w.]+);");

    private Compiler() {}

    /** Class files by internal name, from one compilation unit; javac options such as {@code --release 8} may follow. */
    static Map<String, byte[]> compile(String source, String... options) {
        String name = mainType(source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(
                    Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() {
                                classes.put(className.replace('.', '/'), toByteArray());
                            }
                        };
                    }
                };
            }
        };
        JavaFileObject unit =
                new SimpleJavaFileObject(URI.create("mem:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        List<String> arguments = new ArrayList<>(List.of("-g", "-classpath", System.getProperty("java.class.path")));
        arguments.addAll(List.of(options));
        boolean compiled = javac.getTask(null, files, diagnostics, arguments, null, List.of(unit))
                .call();
        assertTrue(compiled, () -> "javac failed: " + diagnostics.getDiagnostics());
        return classes;
    }

    /** What the rewriter refuses in the source, all classes together. */
    static List<Misuse> misuses(String source, String... options) {
        return misuses(compile(source, options));
    }

    /** What the rewriter refuses in these class files, all together. */
    static List<Misuse> misuses(Map<String, byte[]> classes) {
        List<Misuse> misuses = new ArrayList<>();
        try (ClassHierarchy hierarchy = hierarchyOf(classes)) {
            OwnerClassRewriter rewriter = new OwnerClassRewriter(hierarchy);
            for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
                misuses.addAll(
                        rewriter.rewrite(entry.getValue(), entry.getKey()).misuses());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return misuses;
    }

    /** The classes of the source after the rewrite, each verified. */
    static Map<String, byte[]> rewrite(String source, String... options) {
        return rewriteCompiled(compile(source, options));
    }

    /** The classes after the rewrite, each verified. */
    static Map<String, byte[]> rewriteCompiled(Map<String, byte[]> compiled) {
        Map<String, byte[]> result = new LinkedHashMap<>(compiled);
        try (ClassHierarchy hierarchy = hierarchyOf(compiled)) {
            OwnerClassRewriter rewriter = new OwnerClassRewriter(hierarchy);
            for (Map.Entry<String, byte[]> entry : compiled.entrySet()) {
                OwnerClassRewriter.Result rewritten = rewriter.rewrite(entry.getValue(), entry.getKey());
                assertEquals(List.of(), rewritten.misuses(), "the rewriter refused " + entry.getKey());
                result.putAll(rewritten.classes());
            }
            OutputVerifier verifier = new OutputVerifier(hierarchy);
            for (Map.Entry<String, byte[]> entry : result.entrySet()) {
                assertNull(verifier.problem(entry.getValue()), entry.getKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** The method {@code name} of the class {@code internalName} among {@code classes}, read without frames. */
    static MethodNode method(Map<String, byte[]> classes, String internalName, String name) {
        ClassNode owner = new ClassNode();
        new ClassReader(classes.get(internalName)).accept(owner, ClassReader.SKIP_FRAMES);
        return owner.methods.stream()
                .filter(m -> m.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no method " + name + " in " + internalName));
    }

    /** Rewrites and loads the source's classes; returns its first top-level type. */
    static Class<?> load(String source, String... options) {
        return define(rewrite(source, options), mainType(source));
    }

    /** Defines the classes in a loader of their own; returns the one named {@code internalName}. */
    static Class<?> define(Map<String, byte[]> classes, String internalName) {
        ClassLoader loader = new ClassLoader(Compiler.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name.replace('.', '/'));
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        try {
            return loader.loadClass(internalName.replace('/', '.'));
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** The internal name of the first type the source declares. */
    static String mainType(String source) {
        Matcher type = TYPE_NAME.matcher(source);
        assertTrue(type.find(), "no type in the source");
        Matcher pkg = PACKAGE.matcher(source);
        return (pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "") + type.group(1);
    }

    private static ClassHierarchy hierarchyOf(Map<String, byte[]> classes) throws IOException {
        ClassHierarchy hierarchy = ClassHierarchy.of(List.of());
        for (byte[] classFile : classes.values()) {
            try {
                hierarchy.define(classFile);
            } catch (IllegalArgumentException unreadable) {
                // the rewriter reports it
            }
        }
        return hierarchy;
    }
}
