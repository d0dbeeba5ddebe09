package dev.generators.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Rewrites the {@code @Generator} methods of the main classes into state machines. */
@Mojo(
        name = "rewrite",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class RewriteMojo extends AbstractRewriteMojo {

    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true, readonly = true)
    private File classesDirectory;

    @Parameter(defaultValue = "${project.compileClasspathElements}", required = true, readonly = true)
    private List<String> classpathElements;

    @Parameter(defaultValue = "${project.compileSourceRoots}", required = true, readonly = true)
    private List<String> sourceRoots;

    @Override
    File classesDirectory() {
        return classesDirectory;
    }

    @Override
    List<String> classpath() {
        return classpathElements;
    }

    @Override
    List<String> sourceRoots() {
        return sourceRoots;
    }
}
