package example.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.generators.loop.EventLoop;
import example.Transcript;
import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * asyncio's TCP echo client and server using streams, ported: each prints what the
 * documentation's programs print, talking to each other, and the server answers Python's own
 * asyncio client, run as the documentation writes it.
 */
@Timeout(60)
class EchoTest {

    @Test
    void theClientAndServerPrintTheDocumentationsTranscripts() throws Exception {
        try (Serving server = new Serving(print -> EchoServer.main(print, "127.0.0.1", 0))) {
            Transcript client = new Transcript();
            EventLoop.runUntilComplete(EchoClient.tcpEchoClient("Hello World!", client, server.port));
            assertEquals(List.of("Send: 'Hello World!'", "Received: 'Hello World!'", "Close the connection"), client.lines());
            List<String> lines = server.lines(4);
            assertEquals("Serving on ('127.0.0.1', " + server.port + ")", lines.get(0));
            assertTrue(lines.get(1).matches("Received 'Hello World!' from \\('127\\.0\\.0\\.1', \\d+\\)"), lines.get(1));
            assertEquals(List.of("Send: 'Hello World!'", "Close the connection"), lines.subList(2, 4));
        }
    }

    @Test
    void cancellingTheServingTaskClosesTheServer() throws Exception {
        int port;
        try (Serving server = new Serving(print -> EchoServer.main(print, "127.0.0.1", 0))) {
            port = server.port;
        }
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void pythonsOwnAsyncioClientTalksToTheJavaServer() throws Exception {
        String python = python();
        assumeTrue(python != null, "python3 is not on this machine: the Python client is skipped");
        Path script = Files.createTempFile("tcp_echo_client", ".py");
        try (Serving server = new Serving(print -> EchoServer.main(print, "127.0.0.1", 0))) {
            Files.copy(EchoTest.class.getResourceAsStream("/python/tcp_echo_client.py"), script,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Process process = new ProcessBuilder(python, script.toString(), String.valueOf(server.port))
                    .redirectErrorStream(true).start();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the Python client did not finish");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
            assertEquals("Send: 'Hello World!'\nReceived: 'Hello World!'\nClose the connection\n", output);
            List<String> lines = server.lines(4);
            assertTrue(lines.get(1).startsWith("Received 'Hello World!' from ('127.0.0.1', "), lines.get(1));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** The python3 on the PATH, or null. */
    static String python() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "python3");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }
}
