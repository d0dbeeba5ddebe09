package example.crawler;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncQueue;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web crawler in the manner of "A Web Crawler With asyncio Coroutines" (Davis and van Rossum,
 * 500 Lines or Less): a queue of URLs, a fixed number of workers taking from it, and the crawl
 * done when every URL put in the queue has been dealt with. Each worker is a straight-line loop;
 * the requests are the JDK's {@link HttpClient#sendAsync}, whose futures complete on the client's
 * threads, and the workers are resumed on the loop's.
 *
 * <pre>
 * async def crawl(self):                          async def work(self):
 *     workers = [asyncio.create_task(self.work())     while True:
 *                for _ in range(self.max_tasks)]          url = await self.q.get()
 *     await self.q.join()                                 try:
 *     for w in workers:                                       await self.fetch(url)
 *         w.cancel()                                      finally:
 *                                                             self.q.task_done()
 * </pre>
 */
public final class Crawler {

    /** What became of one URL: its status (0 if there was no answer), the links found, or the error. */
    public record Page(URI url, int status, List<URI> links, String error) {
    }

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    private final HttpClient client;
    private final URI root;
    private final int workers;
    private final AsyncQueue<URI> todo = new AsyncQueue<>();
    private final Set<URI> seen = new HashSet<>();
    private final Map<URI, Page> done = new TreeMap<>();
    private int fetching;

    public Crawler(HttpClient client, URI root, int workers) {
        this.client = client;
        this.root = root;
        this.workers = workers;
    }

    /** Crawls the site under {@code root}, and returns every URL of it reached, with what became of it. */
    @Generator
    public Coroutine<?, ?, Map<URI, Page>> crawl() {
        add(root);
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            tasks.add(Async.spawn(work()));
        }
        try {
            Yield.value(todo.join());
        } finally {
            for (Task<Void> task : tasks) {
                task.cancel(false);
            }
        }
        return Yield.done(done);
    }

    /** How many fetches are under way: none once a crawl has ended, however it ended. */
    public int fetching() {
        return fetching;
    }

    @Generator
    private Coroutine<?, ?, Void> work() {
        while (true) {
            URI url = Yield.value(todo.get());
            fetching++;
            try {
                Page page = Yield.all(fetch(url));
                done.put(url, page);
                for (URI link : page.links()) {
                    add(link);
                }
            } finally {
                fetching--;
                todo.taskDone();
            }
        }
    }

    @Generator
    private Coroutine<?, ?, Page> fetch(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response;
        try {
            response = Yield.value(client.sendAsync(request, BodyHandlers.ofString()));
        } catch (Exception e) {
            // An IOException, thrown at the yield: javac only lets a try block whose calls declare
            // IOException catch it by name, and Yield.value declares nothing.
            return Yield.done(new Page(url, 0, List.of(), e.toString()));
        }
        List<URI> links = response.statusCode() == 200 ? links(url, response.body()) : List.of();
        return Yield.done(new Page(url, response.statusCode(), links, null));
    }

    private void add(URI url) {
        if (seen.add(url)) {
            todo.offer(url);
        }
    }

    private List<URI> links(URI base, String html) {
        List<URI> links = new ArrayList<>();
        for (Matcher href = HREF.matcher(html); href.find(); ) {
            URI link = base.resolve(href.group(1));
            if (link.getScheme().equals(root.getScheme()) && link.getAuthority().equals(root.getAuthority())) {
                links.add(link);
            }
        }
        return links;
    }

    public static void main(String[] args) throws Exception {
        try (Site site = new Site(40, Duration.ofMillis(100))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long start = System.nanoTime();
            Map<URI, Page> pages = EventLoop.runUntilComplete(new Crawler(client, site.root(), 10).crawl());
            for (Page page : pages.values()) {
                System.out.println(page.status() + " " + page.url() + (page.error() == null ? "" : " " + page.error()));
            }
            System.out.printf("%d URLs in %d ms, at most %d requests at once%n",
                    pages.size(), (System.nanoTime() - start) / 1_000_000, site.mostAtOnce());
        }
    }
}
