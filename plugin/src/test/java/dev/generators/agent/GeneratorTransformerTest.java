package dev.generators.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.generators.Yield;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the agent does with the classes it is shown as they load. */
class GeneratorTransformerTest {

    @Test
    void theRuntimesOwnYieldLoadsUnchangedAndSilently() throws IOException {
        // Yield loads whenever a class that was not rewritten calls it; its methods call each other,
        // which once printed six false misuses beside the real one.
        byte[] yield;
        try (InputStream in = Yield.class.getResourceAsStream("Yield.class")) {
            yield = in.readAllBytes();
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        GeneratorTransformer transformer =
                new GeneratorTransformer(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertNull(transformer.transform(getClass().getClassLoader(), "dev/generators/Yield", null, null, yield));
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }
}
