package dev.generators.maven;

import dev.generators.rewriter.BatchRewriter;
import dev.generators.rewriter.ClassHierarchy;
import dev.generators.rewriter.FolderRewriter;
import dev.generators.rewriter.Misuse;
import dev.generators.rewriter.RewriteOptions;
import dev.generators.rewriter.StaleClasses;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.sonatype.plexus.build.incremental.BuildContext;
import org.sonatype.plexus.build.incremental.DefaultBuildContext;

/** Finds the class files of one output folder, hands them to the rewriter, and reports. */
abstract class AbstractRewriteMojo extends AbstractMojo {

    /** Skips the rewrite: generators then throw when first used. */
    @Parameter(property = "generators.skip", defaultValue = "false")
    private boolean skip;

    /**
     * {@code error} refuses a generator whose yields, sends, result or delegations have a type
     * that can never fit its declaration; {@code warn} logs the same as warnings and rewrites it.
     */
    @Parameter(property = "generators.typeChecks", defaultValue = "error")
    String typeChecks = "error";

    /**
     * Where each goal notes when it last succeeded, so that a build reads only classes compiled
     * since ({@code classes.rewritten}), and which classes it generated ({@code classes.generated}).
     */
    @Parameter(defaultValue = "${project.build.directory}/generators", readonly = true)
    File stateDirectory;

    /**
     * In Eclipse, m2e's: it says which class files changed, learns which files the goal wrote, and
     * shows misuses as markers. On the command line, a default that does none of that.
     */
    @Component
    BuildContext buildContext;

    /** The folder of class files to rewrite. */
    abstract File classesDirectory();

    /** The class path the classes were compiled against, to read super classes from. */
    abstract List<String> classpath();

    /** The folders of the sources the classes were compiled from, to put error markers on. */
    abstract List<String> sourceRoots();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("generators: skipped (generators.skip)");
            return;
        }
        if (!typeChecks.equals("error") && !typeChecks.equals("warn")) {
            throw new MojoExecutionException(
                    "generators: typeChecks is 'error' or 'warn', not '" + typeChecks + "' (-Dgenerators.typeChecks)");
        }
        File classes = classesDirectory();
        if (!classes.isDirectory()) {
            getLog().debug("generators: no classes in " + classes);
            return;
        }
        BatchRewriter.Summary summary;
        Path stamp = stateDirectory.toPath().resolve(classes.getName() + ".rewritten");
        try (ClassHierarchy hierarchy =
                ClassHierarchy.of(classpath().stream().map(Path::of).toList())) {
            FileTime since =
                    Files.isRegularFile(stamp) ? Files.getLastModifiedTime(stamp) : FileTime.fromMillis(Long.MIN_VALUE);
            Predicate<Path> changed = FolderRewriter.changedAfter(since);
            if (buildContext.isIncremental()) {
                // The IDE's delta is exact where file times are coarse; the stamp still brings back
                // the classes of a run that failed, which were left as the compiler wrote them.
                changed = changed.or(file -> buildContext.hasDelta(file.toFile()));
            }
            List<Path> read = FolderRewriter.classFiles(classes.toPath(), changed);
            // What earlier runs generated, so that a renamed or deleted generator's class goes too.
            StaleClasses stale = StaleClasses.recordedIn(
                    classes.toPath(), stateDirectory.toPath().resolve(classes.getName() + ".generated"));
            BatchRewriter.Outcome outcome = FolderRewriter.rewrite(
                    classes.toPath(),
                    hierarchy,
                    read,
                    stale,
                    RewriteOptions.DEFAULT.warningOfTypes(typeChecks.equals("warn")));
            summary = outcome.summary();
            for (String written : outcome.outputs().keySet()) {
                buildContext.refresh(
                        classes.toPath().resolve(written + ".class").toFile());
            }
            for (Path removed : stale.removed()) {
                getLog().info("generators: removed " + removed + ", which no class uses any more");
                buildContext.refresh(removed.toFile());
            }
            for (Map.Entry<String, String> explanation : outcome.explanations().entrySet()) {
                Path report = stateDirectory.toPath().resolve("explain").resolve(explanation.getKey() + ".txt");
                Files.createDirectories(report.getParent());
                Files.writeString(report, explanation.getValue());
                buildContext.refresh(report.toFile());
            }
            // The default context would only log each marker again, beside the build's own log.
            if (!(buildContext instanceof DefaultBuildContext)) {
                new SourceMarkers(
                                buildContext,
                                sourceRoots().stream().map(Path::of).toList())
                        .report(classes.toPath(), read, summary.misuses());
            }
            if (!summary.failed()) {
                Files.createDirectories(stamp.getParent());
                // After the rewrite: the files it wrote are not new to the next run.
                Files.write(stamp, new byte[0]);
                Files.setLastModifiedTime(stamp, FileTime.from(Instant.now()));
            }
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException(
                    "generators: cannot read or write the classes in " + classes + ": " + e.getMessage(), e);
        }
        for (Misuse warning : summary.warnings()) {
            getLog().warn(warning.toString());
        }
        if (summary.failed()) {
            for (Misuse misuse : summary.misuses()) {
                getLog().error(misuse.toString());
            }
            StringBuilder message = new StringBuilder("generators: ")
                    .append(summary.misuses().size())
                    .append(summary.misuses().size() == 1 ? " problem" : " problems")
                    .append(" in ")
                    .append(classes)
                    .append("; no class was changed:");
            summary.misuses()
                    .forEach(misuse ->
                            message.append(System.lineSeparator()).append("  ").append(misuse));
            throw new MojoFailureException(message.toString());
        }
        if (summary.classesRewritten() > 0) {
            getLog().info("generators: what each generator became: "
                    + stateDirectory.toPath().resolve("explain"));
        }
        getLog().info("generators: scanned " + summary.scanned() + " classes, rewrote "
                + summary.methodsRewritten() + (summary.methodsRewritten() == 1 ? " method" : " methods")
                + " in " + summary.classesRewritten() + (summary.classesRewritten() == 1 ? " class" : " classes"));
    }
}
