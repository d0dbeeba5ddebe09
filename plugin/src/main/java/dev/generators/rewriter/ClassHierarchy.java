package dev.generators.rewriter;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

/**
 * Super classes and interfaces of the classes a rewrite meets, read from class files on a class
 * path (folders and jars) and from the running JDK, never by loading a class. Frames and types
 * need them. Where the rewriter only reads (analyses a body, checks its output) a class not found
 * is treated leniently, as a direct subclass of {@code Object}; where it writes a type (a frame of
 * a rewritten method) it must be found: see {@link #requireKnown}.
 */
public final class ClassHierarchy implements Closeable {

    /** What the rewriter needs to know of one class. */
    record Info(String superName, String[] interfaces, boolean isInterface, boolean hasStaticInitializer) {}

    private static final String OBJECT = "java/lang/Object";

    /** Where class files come from: the bytes of a resource such as {@code java/lang/String.class}, or null. */
    @FunctionalInterface
    interface ClassFileSource {
        byte[] find(String resource) throws IOException;
    }

    private final ClassFileSource source;
    private final Closeable resources;
    private final Map<String, Optional<Info>> known = new HashMap<>();
    private final Map<String, byte[]> defined = new HashMap<>();
    private final Map<String, Optional<ClassNode>> declarations = new HashMap<>();

    private ClassHierarchy(ClassFileSource source, Closeable resources) {
        this.source = source;
        this.resources = resources;
    }

    /** A hierarchy over the given class path entries (folders or jars; missing ones are skipped), then the JDK. */
    public static ClassHierarchy of(List<Path> classPath) throws IOException {
        List<Path> folders = new ArrayList<>();
        List<JarFile> jars = new ArrayList<>();
        for (Path entry : classPath) {
            if (Files.isDirectory(entry)) {
                folders.add(entry);
            } else if (Files.isRegularFile(entry)) {
                jars.add(new JarFile(entry.toFile()));
            }
        }
        ClassFileSource source = resource -> {
            for (Path folder : folders) {
                Path file = folder.resolve(resource);
                if (Files.isRegularFile(file)) {
                    return Files.readAllBytes(file);
                }
            }
            for (JarFile jar : jars) {
                ZipEntry entry = jar.getEntry(resource);
                if (entry != null) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        return in.readAllBytes();
                    }
                }
            }
            return null;
        };
        return new ClassHierarchy(source, () -> {
            for (JarFile jar : jars) {
                jar.close();
            }
        });
    }

    /** A hierarchy over what a class loader finds, then the JDK: for rewriting classes as they load. */
    public static ClassHierarchy of(ClassLoader loader) {
        ClassFileSource source = resource -> {
            if (loader == null) {
                return null;
            }
            try (InputStream in = loader.getResourceAsStream(resource)) {
                return in == null ? null : in.readAllBytes();
            }
        };
        return new ClassHierarchy(source, () -> {});
    }

    /** Makes a class written in this run known before it is on disk. */
    public void define(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        known.put(reader.getClassName(), Optional.of(read(reader)));
        defined.put(reader.getClassName(), classFile);
    }

    /**
     * The class's declarations without their code (access flags, signatures of the class, its
     * fields and methods), for {@link TypeChecks}; null when the class cannot be found.
     */
    ClassNode declarations(String internalName) {
        return declarations
                .computeIfAbsent(internalName, name -> {
                    byte[] classFile = defined.containsKey(name) ? defined.get(name) : find(name + ".class");
                    if (classFile == null) {
                        return Optional.empty();
                    }
                    ClassNode node = new ClassNode();
                    new ClassReader(classFile)
                            .accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                    return Optional.of(node);
                })
                .orElse(null);
    }

    /** The class's super class, {@code java/lang/Object} when it is unknown, {@code null} for Object itself. */
    String superName(String internalName) {
        if (OBJECT.equals(internalName)) {
            return null;
        }
        return info(internalName).map(Info::superName).orElse(OBJECT);
    }

    boolean isInterface(String internalName) {
        return info(internalName).map(Info::isInterface).orElse(false);
    }

    boolean isKnown(String internalName) {
        return info(internalName).isPresent();
    }

    /**
     * Whether creating an instance of the class may run a static initializer of it or of its
     * super classes: true for a class that cannot be found.
     */
    boolean mayRunStaticInitializer(String internalName) {
        for (String name = internalName; name != null && !name.startsWith("java/"); name = superName(name)) {
            Optional<Info> info = info(name);
            if (info.isEmpty() || info.get().hasStaticInitializer()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code from} is {@code to} or extends or implements it, through classes and interfaces. */
    boolean isSubtype(String from, String to) {
        if (to.equals(from) || OBJECT.equals(to)) {
            return true;
        }
        Deque<String> pending = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (name.equals(to)) {
                return true;
            }
            if (!seen.add(name)) {
                continue;
            }
            Optional<Info> info = info(name);
            if (info.isPresent()) {
                if (info.get().superName() != null) {
                    pending.push(info.get().superName());
                }
                pending.addAll(List.of(info.get().interfaces()));
            }
        }
        return false;
    }

    /**
     * What {@link org.objectweb.asm.ClassWriter#getCommonSuperClass} answers, without loading
     * classes; never a guess: throws {@link MissingClassException} for a class it cannot find,
     * or one whose super classes it cannot find.
     */
    String commonSuperClass(String a, String b) {
        requireKnown(a);
        requireKnown(b);
        if (isSubtype(b, a)) {
            return a;
        }
        if (isSubtype(a, b)) {
            return b;
        }
        if (isInterface(a) || isInterface(b)) {
            return OBJECT;
        }
        String ancestor = a;
        do {
            ancestor = superName(ancestor);
        } while (ancestor != null && !isSubtype(b, ancestor));
        return ancestor == null ? OBJECT : ancestor;
    }

    /** Throws {@link MissingClassException} unless the class and all its super classes can be found. */
    void requireKnown(String internalName) {
        String name = internalName;
        if (name.startsWith("[")) {
            name = name.substring(name.lastIndexOf('[') + 1);
            if (!name.startsWith("L")) {
                return; // an array of primitives
            }
            name = name.substring(1, name.length() - 1);
        }
        for (; name != null && !OBJECT.equals(name); name = superName(name)) {
            if (!isKnown(name)) {
                throw new MissingClassException(name);
            }
        }
    }

    private Optional<Info> info(String internalName) {
        Optional<Info> info = known.get(internalName);
        if (info == null) {
            byte[] classFile = find(internalName + ".class");
            info = classFile == null ? Optional.empty() : Optional.of(read(new ClassReader(classFile)));
            known.put(internalName, info);
        }
        return info;
    }

    /** The class file of a class on the class path or in the JDK, or null. */
    byte[] classFile(String internalName) {
        return find(internalName + ".class");
    }

    /** A file on the class path, such as {@code META-INF/...}, or null. */
    byte[] resource(String name) {
        try {
            return source.find(name);
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] find(String resource) {
        try {
            byte[] found = source.find(resource);
            if (found != null) {
                return found;
            }
            try (InputStream in = ClassLoader.getSystemResourceAsStream(resource)) {
                return in == null ? null : in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
        }
    }

    private static Info read(ClassReader reader) {
        boolean[] staticInitializer = {false};
        reader.accept(
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        staticInitializer[0] |= "<clinit>".equals(name);
                        return null;
                    }
                },
                ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new Info(
                reader.getSuperName(),
                reader.getInterfaces(),
                (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0,
                staticInitializer[0]);
    }

    @Override
    public void close() throws IOException {
        resources.close();
    }
}
