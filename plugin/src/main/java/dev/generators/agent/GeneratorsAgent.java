package dev.generators.agent;

import dev.generators.rewriter.RewriteOptions;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * The Java agent: {@code -javaagent:generators-maven-plugin-VERSION-agent.jar} rewrites
 * {@code @Generator} methods as their classes load, for runs the Maven plugin did not build
 * (an IDE's own compiler, a plain {@code javac}). Classes the plugin already rewrote are left
 * alone. The same rewriter as the plugin's does the work. The agent argument {@code typeChecks=warn}
 * ({@code -javaagent:...-agent.jar=typeChecks=warn}) prints a type that can never fit as a warning
 * and rewrites the class all the same, where it would otherwise load unchanged.
 */
public final class GeneratorsAgent {

    private GeneratorsAgent() {}

    public static void premain(String arguments, Instrumentation instrumentation) {
        install(arguments, instrumentation);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        install(arguments, instrumentation);
    }

    private static void install(String arguments, Instrumentation instrumentation) {
        // Each generator class is defined beside its owner with ClassLoader.defineClass.
        Module base = Object.class.getModule();
        instrumentation.redefineModule(
                base,
                Set.of(),
                Map.of(),
                Map.of("java.lang", Set.of(GeneratorsAgent.class.getModule())),
                Set.of(),
                Map.of());
        instrumentation.addTransformer(
                new GeneratorTransformer(RewriteOptions.DEFAULT.warningOfTypes("typeChecks=warn".equals(arguments))));
        // Read by the runtime's Yield, whose message for a class left as it was then names the
        // agent's own report rather than advising to run the agent.
        System.setProperty("generators.agent", "running");
    }
}
