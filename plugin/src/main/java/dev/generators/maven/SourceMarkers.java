package dev.generators.maven;

import dev.generators.rewriter.Misuse;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sonatype.plexus.build.incremental.BuildContext;

/**
 * Puts each misuse on its source file and line as an error marker of an IDE's build context, and
 * clears the markers of the sources whose classes were read again. A class file names its source
 * only by its package and SourceFile attribute; the file is looked for under the source roots.
 */
final class SourceMarkers {

    private final BuildContext context;
    private final List<Path> sourceRoots;

    SourceMarkers(BuildContext context, List<Path> sourceRoots) {
        this.context = context;
        this.sourceRoots = sourceRoots;
    }

    /**
     * @param classes the folder of class files
     * @param read the class files of it that this run read
     * @param misuses what this run refused in them
     */
    void report(Path classes, List<Path> read, List<Misuse> misuses) {
        Set<File> cleared = new LinkedHashSet<>();
        for (Path classFile : read) {
            // javac names a class file after its top-level class, and that class is named after its file.
            String relative = classes.relativize(classFile).toString().replace(File.separatorChar, '/');
            String folder = relative.substring(0, relative.lastIndexOf('/') + 1);
            String name = relative.substring(folder.length(), relative.length() - ".class".length());
            String topLevel = name.indexOf('$') > 0 ? name.substring(0, name.indexOf('$')) : name;
            source(folder, topLevel + ".java").ifPresent(cleared::add);
        }
        for (Misuse misuse : misuses) {
            source(misuse).ifPresent(cleared::add);
        }
        cleared.forEach(context::removeMessages);
        for (Misuse misuse : misuses) {
            source(misuse)
                    .ifPresent(file -> context.addMessage(
                            file, misuse.line(), 0, misuse.description(), BuildContext.SEVERITY_ERROR, null));
        }
    }

    private Optional<File> source(Misuse misuse) {
        String folder = misuse.className()
                .substring(0, misuse.className().lastIndexOf('.') + 1)
                .replace('.', '/');
        return source(folder, misuse.sourceFile());
    }

    private Optional<File> source(String folder, String name) {
        return sourceRoots.stream()
                .map(root -> root.resolve(folder).resolve(name))
                .filter(Files::isRegularFile)
                .findFirst()
                .map(Path::toFile);
    }
}
