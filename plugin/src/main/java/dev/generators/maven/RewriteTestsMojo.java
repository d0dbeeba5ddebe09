package dev.generators.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Rewrites the {@code @Generator} methods of the test classes into state machines. */
@Mojo(
        name = "rewrite-tests",
        defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class RewriteTestsMojo extends AbstractRewriteMojo {

    @Parameter(defaultValue = "${project.build.testOutputDirectory}", required = true, readonly = true)
    private File classesDirectory;

    @Parameter(defaultValue = "${project.testClasspathElements}", required = true, readonly = true)
    private List<String> classpathElements;

    @Parameter(defaultValue = "${project.testCompileSourceRoots}", required = true, readonly = true)
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
