package example.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP/1.1 server on the streams, answering the JDK's own HttpClient. */
@Timeout(60)
class HttpServerTest {

    @Test
    void itAnswersTheJdksHttpClientOverPersistentConnections() throws Exception {
        try (Serving server = new Serving(print -> HttpServer.serve(print, "127.0.0.1", 0))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI base = URI.create("http://127.0.0.1:" + server.port);

            HttpResponse<String> hello = client.send(HttpRequest.newBuilder(base.resolve("/hello/world")).build(),
                    BodyHandlers.ofString());
            assertEquals(200, hello.statusCode());
            assertEquals("Hello, world!\n", hello.body());
            assertEquals("text/plain; charset=utf-8", hello.headers().firstValue("content-type").orElse(null));

            String big = "x".repeat(300_000) + "\n";
            HttpResponse<String> echoed = client.send(HttpRequest.newBuilder(base.resolve("/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString(big)).build(), BodyHandlers.ofString());
            assertEquals(200, echoed.statusCode());
            assertEquals(big, echoed.body());

            HttpResponse<String> missing = client.send(HttpRequest.newBuilder(base.resolve("/nowhere")).build(),
                    BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            assertEquals("no GET /nowhere here\n", missing.body());

            List<CompletableFuture<HttpResponse<String>>> many = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                many.add(client.sendAsync(HttpRequest.newBuilder(base.resolve("/hello/" + i)).build(),
                        BodyHandlers.ofString()));
            }
            for (int i = 0; i < 100; i++) {
                assertEquals("Hello, " + i + "!\n", many.get(i).get().body());
            }
        }
    }
}
