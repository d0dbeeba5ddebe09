package dev.generators.agent;

import dev.generators.rewriter.BatchRewriter;
import dev.generators.rewriter.ClassHierarchy;
import dev.generators.rewriter.Misuse;
import dev.generators.rewriter.OwnerClassRewriter;
import dev.generators.rewriter.RewriteOptions;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Map;

/**
 * Rewrites a class as it loads: the rewritten class replaces the one being loaded, and the generator
 * classes made for its generators are defined in the same loader first. A class the rewriter
 * refuses loads unchanged, after its misuses are printed; its {@code Yield} calls then throw.
 */
final class GeneratorTransformer implements ClassFileTransformer {

    private final PrintStream log;
    private final RewriteOptions options;

    GeneratorTransformer(RewriteOptions options) {
        this(System.err, options);
    }

    GeneratorTransformer(PrintStream log) {
        this(log, RewriteOptions.DEFAULT);
    }

    GeneratorTransformer(PrintStream log, RewriteOptions options) {
        this.log = log;
        // The classes being loaded cannot be loaded again to verify them.
        this.options = options.withoutLoading();
    }

    @Override
    public byte[] transform(
            ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] classFile) {
        if (loader == null || redefined != null || !OwnerClassRewriter.mentionsGenerators(classFile)) {
            return null;
        }
        try (ClassHierarchy hierarchy = ClassHierarchy.of(loader)) {
            BatchRewriter.Outcome outcome =
                    BatchRewriter.rewrite(Map.of(className + ".class", classFile), hierarchy, options);
            for (Misuse misuse : outcome.summary().misuses()) {
                log.println("[generators] " + misuse);
            }
            for (Misuse warning : outcome.summary().warnings()) {
                log.println("[generators] warning: " + warning);
            }
            byte[] rewritten = outcome.outputs().get(className);
            if (rewritten == null) {
                return null;
            }
            for (Map.Entry<String, byte[]> output : outcome.outputs().entrySet()) {
                if (!output.getKey().equals(className)) {
                    define(loader, output.getKey(), output.getValue(), domain);
                }
            }
            return rewritten;
        } catch (Throwable failure) {
            log.println("[generators] could not rewrite " + className.replace('/', '.') + ", which loads unchanged: "
                    + failure);
            return null;
        }
    }

    private static void define(ClassLoader loader, String name, byte[] classFile, ProtectionDomain domain)
            throws ReflectiveOperationException {
        Method defineClass = ClassLoader.class.getDeclaredMethod(
                "defineClass", String.class, byte[].class, int.class, int.class, ProtectionDomain.class);
        defineClass.setAccessible(true);
        defineClass.invoke(loader, name.replace('/', '.'), classFile, 0, classFile.length, domain);
    }
}
