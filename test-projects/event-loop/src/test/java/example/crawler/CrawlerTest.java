package example.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncTimeoutException;
import dev.generators.loop.EventLoop;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CrawlerTest {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Site site;

    @AfterEach
    void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void reachesEveryPageOfTheSiteOnceAndNothingElsewhere() throws Exception {
        site = new Site(31, Duration.ofMillis(5));
        Map<URI, Crawler.Page> pages = EventLoop.runUntilComplete(new Crawler(client, site.root(), 8).crawl());

        Map<Integer, Long> byStatus = new TreeMap<>(pages.values().stream()
                .collect(Collectors.groupingBy(Crawler.Page::status, Collectors.counting())));
        // 31 pages, a missing page linked from each of pages 0, 5, ..., 30, and the broken one.
        assertEquals(Map.of(200, 31L, 404, 7L, 500, 1L), byStatus, pages.keySet().toString());
        for (int number = 0; number < 31; number++) {
            assertEquals(200, pages.get(site.page(number)).status(), "page " + number);
        }
        assertEquals(39, site.requests(), "a URL was fetched twice");
    }

    @Test
    void fetchesConcurrentlyButNeverWithMoreRequestsThanWorkers() throws Exception {
        site = new Site(40, Duration.ofMillis(100));
        Map<URI, Crawler.Page> pages = EventLoop.runUntilComplete(new Crawler(client, site.root(), 6).crawl());

        assertEquals(49, pages.size());
        assertTrue(site.mostAtOnce() <= 6, "at most 6 requests at once, but there were " + site.mostAtOnce());
        assertTrue(site.mostAtOnce() >= 4, "the workers did not fetch side by side: at most " + site.mostAtOnce() + " at once");
        // Side by side, as the count of requests at once shows: not by the time it took, which a
        // loaded machine can stretch however long.
    }

    @Test
    void recordsWhatFailedAndGoesOn() throws Exception {
        site = new Site(3, Duration.ZERO);
        Map<URI, Crawler.Page> pages = EventLoop.runUntilComplete(new Crawler(client, site.root(), 2).crawl());
        URI base = site.root();
        assertEquals(500, pages.get(base.resolve("/broken")).status());
        assertEquals(404, pages.get(base.resolve("/missing/0")).status());
        assertEquals(200, pages.get(site.page(2)).status());
    }

    @Test
    void aServerThatIsNotThereIsAnErrorOfThatPage() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        URI root = URI.create("http://127.0.0.1:" + port + "/");
        Map<URI, Crawler.Page> pages = EventLoop.runUntilComplete(new Crawler(client, root, 2).crawl());
        Crawler.Page page = pages.get(root);
        assertEquals(0, page.status());
        assertTrue(page.error().contains("ConnectException"), page.error());
    }

    @Test
    void aCrawlCutShortByATimeoutStopsEveryWorkerMidFetch() throws Exception {
        site = new Site(1, Duration.ZERO);
        Crawler crawler = new Crawler(client, site.slowPage(), 3);
        long start = System.nanoTime();
        assertThrows(AsyncTimeoutException.class,
                () -> EventLoop.runUntilComplete(withTimeout(crawler, Duration.ofMillis(300))));
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(took >= 300, "gave up before the timeout: took " + took + " ms");
        assertEquals(0, crawler.fetching(), "a worker's finally block did not run");
    }

    @Generator
    static Coroutine<?, ?, Map<URI, Crawler.Page>> withTimeout(Crawler crawler, Duration timeout) {
        Map<URI, Crawler.Page> pages = Yield.value(Async.waitFor(crawler.crawl(), timeout));
        return Yield.done(pages);
    }
}
