package dev.generators.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.apache.maven.plugin.MojoFailureException;
import org.codehaus.plexus.util.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.build.incremental.BuildContext;
import org.sonatype.plexus.build.incremental.DefaultBuildContext;

/**
 * The goals under a build context: Eclipse's (faked here, as m2e drives it) reads only the classes
 * it says changed, is told of every file written, and gets each misuse as a marker on its source
 * line; the command line's default leaves the run as it was without one.
 */
class AbstractRewriteMojoTest {

    private static final String COUNT = """
            package p;
            import dev.generators.*;
            import java.util.*;
            public class %s {
                @Generator
                static Iterator<Integer> count(int n) {
                    for (int i = 0; i < n; i++) Yield.value(i);
                    return Yield.done();
                }
            }
            """;

    private static final String LOCKED = """
            package p;
            import dev.generators.*;
            import java.util.*;
            public class Locked {
                static class Inner {
                    @Generator
                    Iterator<Integer> locked() {
                        synchronized (this) {
                            Yield.value(1);
                        }
                        return Yield.done();
                    }
                }
            }
            """;

    @TempDir
    Path project;

    private Path sources() {
        return project.resolve("src");
    }

    private Path classes() {
        return project.resolve("classes");
    }

    private void compile(String name, String source) throws IOException {
        Path file = sources().resolve("p").resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Files.createDirectories(classes());
        int status = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "-g",
                        "-d",
                        classes().toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        file.toString());
        assertEquals(0, status, "javac");
    }

    /** As if the goal last succeeded at 2,000 s and every class present was compiled before. */
    private void rewrittenLongAgo() throws IOException {
        for (Path file : classFiles()) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        }
        Path stamp = project.resolve("state/classes.rewritten");
        Files.createDirectories(stamp.getParent());
        Files.write(stamp, new byte[0]);
        Files.setLastModifiedTime(stamp, FileTime.fromMillis(2_000_000));
    }

    private List<Path> classFiles() throws IOException {
        try (Stream<Path> files = Files.walk(classes())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private boolean rewritten(String name) {
        return Files.isRegularFile(classes().resolve("p/" + name + "$count$Generator.class"));
    }

    private void run(BuildContext context) throws Exception {
        AbstractRewriteMojo mojo = new AbstractRewriteMojo() {
            @Override
            File classesDirectory() {
                return classes().toFile();
            }

            @Override
            List<String> classpath() {
                List<String> path = new ArrayList<>(List.of(classes().toString()));
                path.addAll(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
                return path;
            }

            @Override
            List<String> sourceRoots() {
                return List.of(
                        project.resolve("generated").toString(), sources().toString());
            }
        };
        mojo.stateDirectory = project.resolve("state").toFile();
        mojo.buildContext = context;
        mojo.execute();
    }

    @Test
    void anIncrementalBuildRewritesOnlyTheClassesTheContextSaysChanged() throws Exception {
        compile("Edited", COUNT.formatted("Edited"));
        compile("Untouched", COUNT.formatted("Untouched"));
        rewrittenLongAgo();
        EclipseContext eclipse = new EclipseContext(
                true, Set.of(classes().resolve("p/Edited.class").toFile()));

        run(eclipse);

        assertTrue(rewritten("Edited"));
        assertFalse(rewritten("Untouched"), "a class outside the delta is not read");
        assertEquals(
                List.of(
                        classes().resolve("p/Edited$count$Generator.class").toFile(),
                        classes().resolve("p/Edited.class").toFile(),
                        project.resolve("state/explain/p/Edited.txt").toFile()),
                eclipse.refreshed,
                "every file written is refreshed");
    }

    @Test
    void aFullBuildIgnoresTheDeltaAndReadsWhatChangedSinceTheLastSuccess() throws Exception {
        compile("Old", COUNT.formatted("Old"));
        compile("New", COUNT.formatted("New"));
        rewrittenLongAgo();
        Files.setLastModifiedTime(classes().resolve("p/New.class"), FileTime.fromMillis(3_000_000));

        run(new EclipseContext(false, Set.of(classes().resolve("p/Old.class").toFile())));

        assertTrue(rewritten("New"));
        assertFalse(rewritten("Old"), "compiled before the last success");
    }

    @Test
    void theCommandLineContextReadsWhatChangedSinceTheLastSuccessAndMarksNothing() throws Exception {
        compile("First", COUNT.formatted("First"));
        compile("Locked", LOCKED);

        // The default context logs a marker through a logger only a container gives it: a marker would throw here.
        assertThrows(MojoFailureException.class, () -> run(new DefaultBuildContext()));
        assertFalse(rewritten("First"), "no class is changed when one is refused");

        Files.delete(sources().resolve("p/Locked.java"));
        for (Path file : classFiles()) {
            if (file.getFileName().toString().startsWith("Locked")) {
                Files.delete(file);
            }
        }
        run(new DefaultBuildContext());
        assertTrue(rewritten("First"), "the failed run left it as javac wrote it, so it is read again");
    }

    @Test
    void eachMisuseBecomesAnErrorMarkerOnItsSourceLine() throws Exception {
        compile("Fine", COUNT.formatted("Fine"));
        compile("Locked", LOCKED);
        EclipseContext eclipse = new EclipseContext(false, Set.of());

        assertThrows(MojoFailureException.class, () -> run(eclipse));

        File locked = sources().resolve("p/Locked.java").toFile();
        File fine = sources().resolve("p/Fine.java").toFile();
        assertEquals(
                List.of(
                        "remove " + fine,
                        "remove " + locked,
                        "error " + locked + ":9 p.Locked$Inner.locked(): Yield.value inside a synchronized block"),
                eclipse.events.stream()
                        .map(event -> event.replaceAll("(synchronized block).*", "$1"))
                        .toList());
        assertFalse(rewritten("Fine"), "the build still fails as a whole");
        assertEquals(List.of(), eclipse.refreshed);
    }

    @Test
    void fixingTheMisuseClearsItsMarkerAndRewritesWhatTheFailedRunLeft() throws Exception {
        compile("Fine", COUNT.formatted("Fine"));
        compile("Locked", LOCKED);
        rewrittenLongAgo();
        for (Path file : classFiles()) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(3_000_000));
        }
        Set<File> both = Set.copyOf(classFiles().stream().map(Path::toFile).toList());
        assertThrows(MojoFailureException.class, () -> run(new EclipseContext(true, both)));

        compile("Locked", LOCKED.replace("synchronized (this)", "if (this != null)"));
        EclipseContext eclipse = new EclipseContext(
                true, Set.of(classes().resolve("p/Locked$Inner.class").toFile()));
        run(eclipse);

        File locked = sources().resolve("p/Locked.java").toFile();
        assertTrue(eclipse.events.contains("remove " + locked));
        assertFalse(eclipse.events.stream().anyMatch(event -> event.startsWith("error")));
        assertTrue(Files.isRegularFile(classes().resolve("p/Locked$Inner$locked$Generator.class")));
        assertTrue(rewritten("Fine"), "left as javac wrote it by the failed run, so read again");
    }

    private static final String TREE = """
            package p;
            import dev.generators.*;
            import java.util.*;
            public class Tree {
                @Generator
                static Iterator<String> %s() {
                    Yield.value("a");
                    return Yield.done();
                }
            }
            """;

    private static final String TREE_WITHOUT_GENERATORS = """
            package p;
            import java.util.*;
            public class Tree {
                static Iterator<String> labels() {
                    return List.of("a").iterator();
                }
            }
            """;

    private boolean generated(String name) {
        return Files.isRegularFile(classes().resolve("p/Tree$" + name + "$Generator.class"));
    }

    @Test
    void aRenamedGeneratorLeavesNoClassOfItsOldName() throws Exception {
        compile("Tree", TREE.formatted("labels"));
        run(new DefaultBuildContext());
        assertTrue(generated("labels"));
        rewrittenLongAgo();

        compile("Tree", TREE.formatted("allLabels"));
        run(new DefaultBuildContext());

        assertTrue(generated("allLabels"));
        assertFalse(generated("labels"), "the class of the old name is removed");
        assertEquals(
                List.of("p/Tree$allLabels$Generator"),
                Files.readAllLines(project.resolve("state/classes.generated")),
                "the record knows what is there now");
    }

    @Test
    void aMethodThatIsNoLongerAGeneratorLeavesNoGeneratedClass() throws Exception {
        compile("Tree", TREE.formatted("labels"));
        run(new DefaultBuildContext());
        rewrittenLongAgo();

        compile("Tree", TREE_WITHOUT_GENERATORS);
        run(new DefaultBuildContext());

        assertFalse(generated("labels"));
    }

    @Test
    void aDeletedGeneratorClassLeavesNoGeneratedClass() throws Exception {
        compile("Tree", TREE.formatted("labels"));
        compile("Other", COUNT.formatted("Other"));
        run(new DefaultBuildContext());
        rewrittenLongAgo();

        // What the compiler does for a deleted source: its own classes go, ours would stay.
        Files.delete(sources().resolve("p/Tree.java"));
        Files.delete(classes().resolve("p/Tree.class"));
        run(new DefaultBuildContext());

        assertFalse(generated("labels"));
        assertTrue(rewritten("Other"), "a class that is still used stays");
    }

    @Test
    void aClassUnchangedSinceTheLastRunKeepsItsGeneratedClass() throws Exception {
        compile("Tree", TREE.formatted("labels"));
        run(new DefaultBuildContext());
        run(new DefaultBuildContext());
        rewrittenLongAgo();
        // A full run over classes that are all rewritten already reads them all, and changes nothing.
        Files.delete(project.resolve("state/classes.rewritten"));
        run(new DefaultBuildContext());

        assertTrue(generated("labels"));
    }

    @Test
    void underEclipseARenamedGeneratorsOldClassIsRemovedAndRefreshed() throws Exception {
        compile("Tree", TREE.formatted("labels"));
        run(new EclipseContext(false, Set.of()));
        rewrittenLongAgo();

        compile("Tree", TREE.formatted("allLabels"));
        EclipseContext eclipse = new EclipseContext(
                true, Set.of(classes().resolve("p/Tree.class").toFile()));
        run(eclipse);

        assertFalse(generated("labels"));
        assertTrue(
                eclipse.refreshed.contains(
                        classes().resolve("p/Tree$labels$Generator.class").toFile()),
                "Eclipse is told of the deletion: " + eclipse.refreshed);
    }

    /** What m2e gives a goal: a delta on incremental builds, and somewhere to send refreshes and markers. */
    private static final class EclipseContext implements BuildContext {

        private final boolean incremental;
        private final Set<File> delta;
        final List<File> refreshed = new ArrayList<>();
        final List<String> events = new ArrayList<>();

        EclipseContext(boolean incremental, Set<File> delta) {
            this.incremental = incremental;
            this.delta = delta;
        }

        @Override
        public boolean isIncremental() {
            return incremental;
        }

        @Override
        public boolean hasDelta(File file) {
            return delta.contains(file);
        }

        @Override
        public void refresh(File file) {
            refreshed.add(file);
        }

        @Override
        public void removeMessages(File file) {
            events.add("remove " + file);
        }

        @Override
        public void addMessage(File file, int line, int column, String message, int severity, Throwable cause) {
            assertEquals(SEVERITY_ERROR, severity);
            events.add("error " + file + ":" + line + " " + message);
        }

        @Override
        public boolean hasDelta(String relpath) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasDelta(@SuppressWarnings("rawtypes") List relpaths) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OutputStream newFileOutputStream(File file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Scanner newScanner(File basedir) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Scanner newDeleteScanner(File basedir) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Scanner newScanner(File basedir, boolean ignoreDelta) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setValue(String key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getValue(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        @SuppressWarnings("deprecation")
        public void addWarning(File file, int line, int column, String message, Throwable cause) {
            throw new UnsupportedOperationException();
        }

        @Override
        @SuppressWarnings("deprecation")
        public void addError(File file, int line, int column, String message, Throwable cause) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isUptodate(File target, File source) {
            throw new UnsupportedOperationException();
        }
    }
}
