package dev.generators;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a Yield call that was not rewritten says: what to do, fitting whether the agent runs. */
class YieldTest {

    static void forgotItsAnnotation() {
        Yield.value(1);
    }

    @Test
    void withoutTheAgentTheMessageNamesThePluginAndTheAgent() {
        IllegalStateException e = assertThrows(IllegalStateException.class, YieldTest::forgotItsAnnotation);
        assertTrue(
                e.getMessage().startsWith("Yield.value was called in dev.generators.YieldTest.forgotItsAnnotation,"),
                e.getMessage());
        assertTrue(e.getMessage().contains("generators-maven-plugin"), e.getMessage());
        assertTrue(e.getMessage().contains("-javaagent"), e.getMessage());
    }

    @Test
    void underTheAgentTheMessagePointsAtWhatTheAgentPrintedAndNotAtRunningIt() {
        System.setProperty(Yield.AGENT_PROPERTY, "running");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, YieldTest::forgotItsAnnotation);
            assertTrue(e.getMessage().contains("the generators agent is running"), e.getMessage());
            assertFalse(e.getMessage().contains("-javaagent"), e.getMessage());
        } finally {
            System.clearProperty(Yield.AGENT_PROPERTY);
        }
    }
}
