package dev.generators;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link Agents} tells from a JVM's options whether something may watch the bodies run. */
class AgentsTest {

    private static List<String> words(String line) {
        return Arrays.asList(line.split(" "));
    }

    @Test
    void aDebuggerACoverageAgentOrANativeAgentIsOne() {
        assertTrue(Agents.anAgent(
                words("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005 -cp app.jar Main"), true));
        assertTrue(Agents.anAgent(
                words("-Xmx1g -javaagent:/m2/org/jacoco/jacocoagent.jar=destfile=target/jacoco.exec -jar app.jar"),
                true));
        assertTrue(Agents.anAgent(words("-agentpath:/opt/profiler/libasyncProfiler.so=start -cp . Main"), true));
        assertTrue(Agents.anAgent(words("-Xdebug -Xrunjdwp:transport=dt_socket,server=y -cp . Main"), true));
    }

    @Test
    void aPlainCommandLineHasNone() {
        assertFalse(Agents.anAgent(words("-Xmx1g -XX:+UseG1GC -Dx=-javaagent -cp target/classes Main arg"), true));
        assertFalse(Agents.anAgent(Collections.<String>emptyList(), true));
    }

    @Test
    void anArgumentFileCountsWithItsWordsAndOneThatCannotBeReadAsAnAgent(@TempDir Path folder) throws IOException {
        Path plain = Files.write(folder.resolve("plain"), "-Xmx1g\n-cp \"a b.jar\"\n".getBytes(StandardCharsets.UTF_8));
        Path agent = Files.write(
                folder.resolve("agent"), "-Xmx1g\n'-javaagent:jacocoagent.jar'\n".getBytes(StandardCharsets.UTF_8));
        assertFalse(Agents.anAgent(words("@" + plain + " Main"), true));
        assertTrue(Agents.anAgent(words("@" + agent + " Main"), true));
        assertTrue(
                Agents.anAgent(words("@" + folder.resolve("gone") + " Main"), true), "cannot be told: as if watched");
        assertFalse(Agents.anAgent(words("@" + agent + " Main"), false), "inside an argument file, a word");
        assertTrue(Agents.anAgent(words("-XX:VMOptionsFile=" + agent + " -cp . Main"), true));
        assertFalse(Agents.anAgent(words("-XX:VMOptionsFile=" + plain + " -cp . Main"), true));
        assertTrue(Agents.anAgent(words("-XX:VMOptionsFile=" + folder.resolve("gone") + " Main"), true));
    }

    @Test
    void anExecutableJarWhoseManifestStartsAnAgentIsOne(@TempDir Path folder) throws IOException {
        Path withAgent = jar(folder.resolve("agent.jar"), "Launcher-Agent-Class", "example.Agent");
        Path plain = jar(folder.resolve("plain.jar"), "Class-Path", "lib.jar");
        assertTrue(Agents.anAgent(words("-Xmx1g -jar " + withAgent + " arg"), true));
        assertFalse(Agents.anAgent(words("-Xmx1g -jar " + plain + " arg"), true));
        assertTrue(Agents.anAgent(words("-jar " + folder.resolve("gone.jar")), true), "cannot be told");
    }

    private static Path jar(Path path, String attribute, String value) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "example.Main");
        manifest.getMainAttributes().put(new Attributes.Name(attribute), value);
        try (OutputStream out = Files.newOutputStream(path);
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return path;
    }
}
