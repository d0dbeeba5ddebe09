package dev.generators;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers of the plugin: the rewriter is a library over ASM that knows nothing of who calls it;
 * Maven, the agent and the command line are thin front ends over it and do not call each other.
 */
class ArchitectureTest {

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.generators");

    @Test
    void rewriterKnowsNothingOfMavenTheAgentOrTheCommandLine() {
        noClasses()
                .that()
                .resideInAPackage("dev.generators.rewriter..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.generators.maven..",
                        "dev.generators.agent..",
                        "dev.generators.cli..",
                        "org.apache.maven..",
                        "org.codehaus..",
                        "org.sonatype..",
                        "java.lang.instrument..")
                .check(PLUGIN);
    }

    @Test
    void frontEndsDoNotCallEachOther() {
        noClasses()
                .that()
                .resideInAPackage("dev.generators.maven..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.generators.agent..", "dev.generators.cli..")
                .check(PLUGIN);
        noClasses()
                .that()
                .resideInAnyPackage("dev.generators.agent..", "dev.generators.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.generators.maven..", "org.apache.maven..")
                .check(PLUGIN);
    }

    @Test
    void rewriterDoesNotLinkAgainstTheRuntimeItGeneratesCodeFor() {
        // The rewriter names runtime classes in the bytecode it writes (RuntimeNames), but must not
        // load them: the runtime on the user's class path may be another version than the plugin's.
        noClasses()
                .that()
                .resideInAPackage("dev.generators.rewriter..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.generators")
                .check(PLUGIN);
    }
}
