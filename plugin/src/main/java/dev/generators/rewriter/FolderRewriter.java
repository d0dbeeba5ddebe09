package dev.generators.rewriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rewrites the generators in a folder of class files: reads them all (or those a build says
 * changed), rewrites them with {@link BatchRewriter}, and replaces the files only if nothing was
 * refused, each atomically.
 */
public final class FolderRewriter {

    private FolderRewriter() {}

    public static BatchRewriter.Summary rewrite(Path folder, ClassHierarchy hierarchy) throws IOException {
        return rewrite(folder, hierarchy, classFiles(folder, file -> true)).summary();
    }

    /**
     * Rewrites the given class files of {@code folder}; the others are left as they are.
     *
     * <p>All or nothing per class: a class's generator classes are written before it, and it last,
     * each file atomically. A run that stops half way (a full disk, a killed build) leaves each
     * class either as the compiler wrote it, with perhaps some of its generator classes beside it, or
     * rewritten with all of them; the next run rewrites the first kind and skips the second.
     */
    public static BatchRewriter.Outcome rewrite(Path folder, ClassHierarchy hierarchy, List<Path> files)
            throws IOException {
        return rewrite(folder, hierarchy, files, null, RewriteOptions.DEFAULT);
    }

    /**
     * Rewrites the given class files of {@code folder}, and then, if nothing was refused, deletes
     * the generated classes of earlier runs that {@code stale} (if any) finds no class uses any more.
     */
    public static BatchRewriter.Outcome rewrite(
            Path folder, ClassHierarchy hierarchy, List<Path> files, StaleClasses stale, RewriteOptions options)
            throws IOException {
        return rewrite(folder, hierarchy, files, stale, options, AtomicFile::write);
    }

    /** How a class file reaches the disk; a test fails the n-th write. */
    @FunctionalInterface
    interface FileWriter {
        void write(Path target, byte[] content) throws IOException;
    }

    static BatchRewriter.Outcome rewrite(
            Path folder,
            ClassHierarchy hierarchy,
            List<Path> files,
            StaleClasses stale,
            RewriteOptions options,
            FileWriter writer)
            throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (Path file : files) {
            classes.put(folder.relativize(file).toString(), Files.readAllBytes(file));
        }
        BatchRewriter.Outcome outcome = BatchRewriter.rewrite(classes, hierarchy, options);
        // In the order of the outputs: each class's generator classes, then the class itself.
        for (Map.Entry<String, byte[]> output : outcome.outputs().entrySet()) {
            writer.write(folder.resolve(output.getKey() + ".class"), output.getValue());
        }
        if (stale != null && !outcome.summary().failed()) {
            stale.update(
                    files.stream()
                            .map(file -> StaleClasses.internalName(folder, file))
                            .collect(Collectors.toSet()),
                    outcome.outputs().keySet());
        }
        return outcome;
    }

    /** The class files in {@code folder} that {@code which} accepts, in a stable order. */
    public static List<Path> classFiles(Path folder, Predicate<Path> which) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(
                            file -> file.toString().endsWith(".class") && Files.isRegularFile(file) && which.test(file))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Accepts the files changed after {@code since} (the start of the last run that succeeded, for
     * an incremental build); the others were rewritten then, or had nothing to.
     */
    public static Predicate<Path> changedAfter(FileTime since) {
        return file -> {
            try {
                return Files.getLastModifiedTime(file).compareTo(since) > 0;
            } catch (IOException unreadable) {
                return true; // and reading it reports the problem
            }
        };
    }
}
