package dev.generators.rewriter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads the classes a rewrite made and has the JVM verify them, where it can: each output in a
 * class loader of its own, over the class files the {@link ClassHierarchy} finds, its static
 * initializer not run. A class whose super classes or whose types the verifier needs cannot be
 * found, or that is newer than the running JVM, is left to the checks that need no loading.
 */
final class LoadCheck {

    private LoadCheck() {}

    /** What the JVM's verifier says of each output that does not verify, by internal name. */
    static Map<String, String> problems(Map<String, byte[]> outputs, ClassHierarchy hierarchy) {
        ClassLoader loader = new ClassLoader(ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                String internal = name.replace('.', '/');
                byte[] bytes = outputs.get(internal);
                if (bytes == null) {
                    bytes = hierarchy.classFile(internal);
                }
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        Map<String, String> problems = new LinkedHashMap<>();
        for (String name : outputs.keySet()) {
            try {
                // Reflection over the methods links the class, which verifies it; nothing runs.
                Class.forName(name.replace('/', '.'), false, loader).getDeclaredMethods();
            } catch (VerifyError wrong) {
                problems.put(name, wrong.toString());
            } catch (UnsupportedClassVersionError newer) {
                // this JVM cannot load it: the other checks stand
            } catch (ClassFormatError malformed) {
                problems.put(name, malformed.toString());
            } catch (LinkageError | ClassNotFoundException | SecurityException notHere) {
                // something it needs is not on the class path, or may not be defined here
            }
        }
        return problems;
    }
}
