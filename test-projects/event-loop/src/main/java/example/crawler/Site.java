package example.crawler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small web site served in-process by the JDK's HTTP server, on threads of its own: pages
 * {@code /page/0} to {@code /page/(n-1)} forming a binary tree, each linking to its children, back
 * to the root, and to a site elsewhere; every fifth page also links to a missing page (404), and
 * the root to one that fails (500). Each answer takes {@code delay}; {@code /slow} takes a minute.
 * It counts the requests it is answering at once.
 */
public final class Site implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "site");
        thread.setDaemon(true);
        return thread;
    });
    private final int pages;
    private final Duration delay;
    private final AtomicInteger answering = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    public Site(int pages, Duration delay) throws IOException {
        this.pages = pages;
        this.delay = delay;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.createContext("/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    public URI root() {
        return page(0);
    }

    public URI page(int number) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/page/" + number);
    }

    public URI slowPage() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slow");
    }

    public int pages() {
        return pages;
    }

    /** The most requests that were being answered at the same time. */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    public int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        mostAtOnce.accumulateAndGet(answering.incrementAndGet(), Math::max);
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Thread.sleep(path.equals("/slow") ? 60_000 : delay.toMillis());
            if (path.equals("/broken")) {
                send(exchange, 500, "broken");
            } else if (path.startsWith("/page/") && number(path) >= 0 && number(path) < pages) {
                send(exchange, 200, html(number(path)));
            } else {
                send(exchange, 404, "no such page");
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            answering.decrementAndGet();
        }
    }

    private String html(int number) {
        StringBuilder html = new StringBuilder("<html><body><h1>page ").append(number).append("</h1>\n");
        for (int child = 2 * number + 1; child <= 2 * number + 2 && child < pages; child++) {
            html.append("<a href=\"/page/").append(child).append("\">page ").append(child).append("</a>\n");
        }
        html.append("<a href=\"/page/0\">home</a>\n");
        html.append("<a href=\"http://elsewhere.invalid/\">elsewhere</a>\n");
        if (number % 5 == 0) {
            html.append("<a href=\"/missing/").append(number).append("\">missing</a>\n");
        }
        if (number == 0) {
            html.append("<a href=\"/broken\">broken</a>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static int number(String path) {
        try {
            return Integer.parseInt(path.substring("/page/".length()));
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "text/html" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
