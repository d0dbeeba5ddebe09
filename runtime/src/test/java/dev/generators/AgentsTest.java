package dev.generators;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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
    }
}
