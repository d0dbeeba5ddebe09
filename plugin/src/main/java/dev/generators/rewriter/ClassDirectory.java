package dev.generators.rewriter;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rewrites the generators in a folder of class files, all or nothing: every class is read and
 * rewritten in memory, every output verified, and only if nothing was refused are the files
 * replaced, each atomically. Classes that mention no generator are not parsed and not touched.
 */
public final class ClassDirectory {

    /** What a run did: classes looked at, classes and methods rewritten, and what was refused. */
    public record Summary(int scanned, int classesRewritten, int methodsRewritten, List<Misuse> misuses) {
        public boolean failed() {
            return !misuses.isEmpty();
        }
    }

    private ClassDirectory() {
    }

    public static Summary rewrite(Path folder, ClassHierarchy hierarchy) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(file -> file.toString().endsWith(".class") && Files.isRegularFile(file)).sorted().toList();
        }
        ClassRewriter rewriter = new ClassRewriter(hierarchy);
        Map<String, byte[]> outputs = new LinkedHashMap<>();
        List<Misuse> misuses = new ArrayList<>();
        int classes = 0;
        int methods = 0;
        for (Path file : files) {
            byte[] classFile = Files.readAllBytes(file);
            if (!ClassRewriter.mentionsGenerators(classFile)) {
                continue;
            }
            String origin = folder.relativize(file).toString();
            ClassRewriter.Result result;
            try {
                result = rewriter.rewrite(classFile, origin);
            } catch (RuntimeException bug) {
                misuses.add(new Misuse(origin, 0, origin, "", "the rewriter failed on this class (please report it): " + bug));
                continue;
            }
            misuses.addAll(result.misuses());
            if (!result.classes().isEmpty()) {
                classes++;
                methods += result.methods();
                outputs.putAll(result.classes());
            }
        }
        OutputVerifier verifier = new OutputVerifier(hierarchy);
        for (Map.Entry<String, byte[]> output : outputs.entrySet()) {
            String problem = verifier.problem(output.getValue());
            if (problem != null) {
                String name = output.getKey().replace('/', '.');
                misuses.add(new Misuse(output.getKey() + ".class", 0, name, "",
                        "the rewritten class does not verify, so nothing was written (please report it): " + problem));
            }
        }
        if (!misuses.isEmpty()) {
            return new Summary(files.size(), 0, 0, List.copyOf(misuses));
        }
        for (Map.Entry<String, byte[]> output : outputs.entrySet()) {
            writeAtomically(folder.resolve(output.getKey() + ".class"), output.getValue());
        }
        return new Summary(files.size(), classes, methods, List.of());
    }

    /** Writes beside the target, then renames over it, so that a reader never sees half a class. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notHere) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
