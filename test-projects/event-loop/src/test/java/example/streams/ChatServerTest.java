package example.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat server with many clients: each line reaches every other client, and only them. */
@Timeout(60)
class ChatServerTest {
    private static final int CLIENTS = 50;

    @Test
    void everyLineReachesEveryOtherClient() throws Exception {
        try (Serving server = new Serving(print -> new ChatServer(print).serve("127.0.0.1", 0))) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    Socket socket = new Socket("127.0.0.1", server.port);
                    socket.setSoTimeout(20_000);
                    sockets.add(socket);
                }
                List<String> lines = server.lines(1 + CLIENTS);
                assertEquals("joined: " + CLIENTS + " clients", lines.get(CLIENTS));
                for (int i = 0; i < CLIENTS; i++) {
                    OutputStream out = sockets.get(i).getOutputStream();
                    out.write(("line from client " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                for (int i = 0; i < CLIENTS; i++) {
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(sockets.get(i).getInputStream(), StandardCharsets.UTF_8));
                    Set<String> got = new HashSet<>();
                    for (int j = 0; j < CLIENTS - 1; j++) {
                        got.add(in.readLine());
                    }
                    Set<String> expected = new HashSet<>();
                    for (int j = 0; j < CLIENTS; j++) {
                        if (j != i) {
                            expected.add("line from client " + j);
                        }
                    }
                    assertEquals(expected, got, "client " + i);
                }
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
            List<String> lines = server.lines(1 + 2 * CLIENTS);
            assertEquals("left: 0 clients", lines.get(2 * CLIENTS));
        }
    }
}
