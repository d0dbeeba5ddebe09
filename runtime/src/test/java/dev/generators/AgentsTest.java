package dev.generators;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How {@link Agents} tells from a JVM's options whether something may watch the bodies run. */
class AgentsTest {

    private static final Function<String, List<String>> NO_FILES = name -> null;

    private static List<String> words(String line) {
        return Arrays.asList(line.split(" "));
    }

    @Test
    void aDebuggerACoverageAgentOrANativeAgentIsOne() {
        assertTrue(Agents.anAgent(
                words("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005 -cp app.jar Main"),
                NO_FILES));
        assertTrue(Agents.anAgent(
                words("-Xmx1g -javaagent:/m2/org/jacoco/jacocoagent.jar=destfile=target/jacoco.exec -jar app.jar"),
                NO_FILES));
        assertTrue(Agents.anAgent(words("-agentpath:/opt/profiler/libasyncProfiler.so=start -cp . Main"), NO_FILES));
        assertTrue(Agents.anAgent(words("-Xdebug -Xrunjdwp:transport=dt_socket,server=y -cp . Main"), NO_FILES));
    }

    @Test
    void aPlainCommandLineHasNone() {
        assertFalse(Agents.anAgent(words("-Xmx1g -XX:+UseG1GC -Dx=-javaagent -cp target/classes Main arg"), NO_FILES));
        assertFalse(Agents.anAgent(Collections.<String>emptyList(), NO_FILES));
    }

    @Test
    void anArgumentFileCountsWithItsWordsAndOneThatCannotBeReadAsAnAgent() {
        Map<String, List<String>> files = new HashMap<>();
        files.put("plain.txt", words("-Xmx1g -cp a.jar"));
        files.put("agent.txt", words("-Xmx1g -javaagent:jacocoagent.jar -cp a.jar"));
        assertFalse(Agents.anAgent(words("@plain.txt Main"), files::get));
        assertTrue(Agents.anAgent(words("@agent.txt Main"), files::get));
        assertTrue(Agents.anAgent(words("@gone.txt Main"), files::get), "cannot be told: as if watched");
    }
}
