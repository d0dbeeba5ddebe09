package example.streams;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.EventLoop;
import dev.generators.loop.StreamReader;
import dev.generators.loop.StreamServer;
import dev.generators.loop.StreamWriter;
import dev.generators.loop.Streams;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A chat server: each line a client sends goes to every other client. One task per client, all on
 * the loop's one thread, so the set of clients needs no lock. A client that reads too slowly to
 * keep up (a megabyte waiting for it) is dropped rather than let its backlog fill the heap.
 */
public final class ChatServer {
    static final long MOST_BUFFERED = 1 << 20;

    private final Set<StreamWriter> clients = new LinkedHashSet<>();
    private final Consumer<String> print;

    public ChatServer(Consumer<String> print) {
        this.print = print;
    }

    @Generator
    Coroutine<?, ?, Void> handle(StreamReader reader, StreamWriter writer) {
        clients.add(writer);
        print.accept("joined: " + clients.size() + " clients");
        try {
            while (true) {
                byte[] line = Yield.value(reader.readLine());
                if (line.length == 0) {
                    break;
                }
                for (StreamWriter other : clients.toArray(new StreamWriter[0])) {
                    if (other == writer) {
                        continue;
                    }
                    other.write(line);
                    if (other.writeBufferSize() > MOST_BUFFERED) {
                        print.accept("dropped a client too slow to keep up");
                        other.abort();
                        clients.remove(other);
                    }
                }
            }
        } finally {
            clients.remove(writer);
            writer.close();
        }
        print.accept("left: " + clients.size() + " clients");
        return Yield.done();
    }

    @Generator
    public Coroutine<?, ?, Void> serve(String host, int port) {
        StreamServer server = Yield.value(Streams.startServer(this::handle, host, port));
        print.accept("Serving on " + Repr.of(server.address()));
        try (server) {
            Yield.value(server.serveForever());
        }
        return Yield.done();
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(new ChatServer(System.out::println).serve("127.0.0.1", 8888));
    }
}
