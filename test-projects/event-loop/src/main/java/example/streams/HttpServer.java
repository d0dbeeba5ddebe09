package example.streams;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.EventLoop;
import dev.generators.loop.IncompleteReadException;
import dev.generators.loop.LimitOverrunException;
import dev.generators.loop.StreamReader;
import dev.generators.loop.StreamServer;
import dev.generators.loop.StreamWriter;
import dev.generators.loop.Streams;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A minimal HTTP/1.1 server on the streams: persistent connections, requests read with
 * {@code readUntil("\r\n\r\n")} and {@code readExactly(contentLength)}. {@code GET /hello/NAME}
 * answers a greeting, {@code POST /echo} the body it was sent; anything else is a 404.
 */
public final class HttpServer {

    private HttpServer() {
    }

    @Generator
    static Coroutine<?, ?, Void> handle(StreamReader reader, StreamWriter writer) {
        try {
            while (true) {
                byte[] head;
                try {
                    head = Yield.value(reader.readUntil("\r\n\r\n"));
                } catch (IncompleteReadException e) {
                    break;                                      // the client closed between requests
                } catch (LimitOverrunException e) {
                    respond(writer, 431, "Request Header Fields Too Large", "headers too long\n", true);
                    break;
                }
                String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
                String[] requestLine = lines[0].split(" ");
                Map<String, String> headers = new HashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    if (colon > 0) {
                        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                    }
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                byte[] body = Yield.value(reader.readExactly(length));
                boolean close = "close".equalsIgnoreCase(headers.get("connection"));
                String method = requestLine[0];
                String path = requestLine.length > 1 ? requestLine[1] : "/";
                if (method.equals("GET") && path.startsWith("/hello/")) {
                    respond(writer, 200, "OK", "Hello, " + path.substring("/hello/".length()) + "!\n", close);
                } else if (method.equals("POST") && path.equals("/echo")) {
                    respond(writer, 200, "OK", new String(body, StandardCharsets.UTF_8), close);
                } else {
                    respond(writer, 404, "Not Found", "no " + method + " " + path + " here\n", close);
                }
                Yield.value(writer.drain());
                if (close) {
                    break;
                }
            }
        } finally {
            writer.close();
        }
        return Yield.done();
    }

    private static void respond(StreamWriter writer, int status, String reason, String text, boolean close) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        writer.write("HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + (close ? "Connection: close\r\n" : "")
                + "\r\n");
        writer.write(body);
    }

    @Generator
    public static Coroutine<?, ?, Void> serve(Consumer<String> print, String host, int port) {
        StreamServer server = Yield.value(Streams.startServer(HttpServer::handle, host, port));
        print.accept("Serving on " + Repr.of(server.address()));
        try (server) {
            Yield.value(server.serveForever());
        }
        return Yield.done();
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(serve(System.out::println, "127.0.0.1", 8080));
    }
}
