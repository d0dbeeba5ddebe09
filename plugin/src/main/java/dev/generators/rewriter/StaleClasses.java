package dev.generators.rewriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generated classes left behind by an earlier run: the generator class of a generator that was renamed
 * or deleted, or of a method that is no longer a generator. The compiler removes its own stale
 * output but knows nothing of these, so each run deletes them.
 *
 * <p>Only classes this rewriter wrote are candidates: those listed in a record it keeps (the Maven
 * goals keep one under {@code target/generators}), or, for the command line's {@code --output},
 * those of the output folder that its input does not have. A candidate is stale when its owner
 * (the class whose name it extends, {@code p/Tree} for {@code p/Tree$labels$Generator}) is gone,
 * or no longer names it in its constant pool: the rewritten owner creates its generator class by name.
 */
public final class StaleClasses {

    private final Path folder;
    private final Path owners;
    private final Path record;
    private final Set<String> candidates;
    private final List<Path> removed = new ArrayList<>();

    private StaleClasses(Path folder, Path owners, Path record, Set<String> candidates) {
        this.folder = folder;
        this.owners = owners;
        this.record = record;
        this.candidates = candidates;
    }

    /**
     * The generatorClass classes of {@code folder} listed in {@code record} (a file of internal names, one
     * a line; none if it does not exist), which {@link #update} keeps up to date.
     */
    public static StaleClasses recordedIn(Path folder, Path record) throws IOException {
        Set<String> listed = new TreeSet<>();
        if (Files.isRegularFile(record)) {
            for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    listed.add(line.strip());
                }
            }
        }
        return new StaleClasses(folder, folder, record, listed);
    }

    /**
     * The classes of {@code output} that {@code input} does not have, whose owners must be in
     * {@code input}: for a rewrite into a copy of a folder.
     */
    public static StaleClasses besideCopy(Path input, Path output) throws IOException {
        Set<String> extra = new TreeSet<>();
        for (Path file : FolderRewriter.classFiles(output, file -> true)) {
            String name = internalName(output, file);
            if (!Files.isRegularFile(input.resolve(name + ".class"))) {
                extra.add(name);
            }
        }
        return new StaleClasses(output, input, null, extra);
    }

    /**
     * After a rewrite that succeeded: adds the generatorClass classes it wrote (the outputs that were
     * not read) to the candidates, deletes the stale ones, and saves the record.
     */
    void update(Collection<String> read, Collection<String> written) throws IOException {
        for (String name : written) {
            if (!read.contains(name)) {
                candidates.add(name);
            }
        }
        for (String name : new ArrayList<>(candidates)) {
            Path file = folder.resolve(name + ".class");
            if (!Files.isRegularFile(file)) {
                candidates.remove(name);
            } else if (isStale(name)) {
                Files.delete(file);
                removed.add(file);
                candidates.remove(name);
            }
        }
        if (record != null) {
            Files.createDirectories(record.getParent());
            Files.write(record, candidates, StandardCharsets.UTF_8);
        }
    }

    /** The class files {@link #update} deleted. */
    public List<Path> removed() {
        return List.copyOf(removed);
    }

    private boolean isStale(String generatorClass) throws IOException {
        String owner = owner(generatorClass);
        return owner == null || !names(Files.readAllBytes(folder.resolve(owner + ".class")), generatorClass);
    }

    /** The longest name that {@code generatorClass} extends with a {@code $} and that is a class in {@link #owners}. */
    private String owner(String generatorClass) {
        for (int dollar = generatorClass.lastIndexOf('$');
                dollar > 0;
                dollar = generatorClass.lastIndexOf('$', dollar - 1)) {
            String prefix = generatorClass.substring(0, dollar);
            if (Files.isRegularFile(owners.resolve(prefix + ".class"))
                    && Files.isRegularFile(folder.resolve(prefix + ".class"))) {
                return prefix;
            }
        }
        return null;
    }

    /** Whether {@code classFile} has the CONSTANT_Utf8 entry {@code name}: its tag, length and bytes. */
    private static boolean names(byte[] classFile, String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        byte[] entry = new byte[utf8.length + 3];
        entry[0] = 1;
        entry[1] = (byte) (utf8.length >>> 8);
        entry[2] = (byte) utf8.length;
        System.arraycopy(utf8, 0, entry, 3, utf8.length);
        outer:
        for (int i = 0; i + entry.length <= classFile.length; i++) {
            for (int j = 0; j < entry.length; j++) {
                if (classFile[i + j] != entry[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static String internalName(Path folder, Path classFile) {
        String relative = folder.relativize(classFile).toString().replace('\\', '/');
        return relative.substring(0, relative.length() - ".class".length());
    }
}
