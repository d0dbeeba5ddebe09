package example.streams;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.EventLoop;
import dev.generators.loop.StreamReader;
import dev.generators.loop.StreamServer;
import dev.generators.loop.StreamWriter;
import dev.generators.loop.Streams;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * asyncio's "TCP echo server using streams"
 * (https://docs.python.org/3/library/asyncio-stream.html#tcp-echo-server-using-streams):
 *
 * <pre>
 * async def handle_echo(reader, writer):
 *     data = await reader.read(100)
 *     message = data.decode()
 *     addr = writer.get_extra_info('peername')
 *
 *     print(f"Received {message!r} from {addr!r}")
 *
 *     print(f"Send: {message!r}")
 *     writer.write(data)
 *     await writer.drain()
 *
 *     print("Close the connection")
 *     writer.close()
 *     await writer.wait_closed()
 *
 * async def main():
 *     server = await asyncio.start_server(
 *         handle_echo, '127.0.0.1', 8888)
 *
 *     addrs = ', '.join(str(sock.getsockname()) for sock in server.sockets)
 *     print(f'Serving on {addrs}')
 *
 *     async with server:
 *         await server.serve_forever()
 *
 * asyncio.run(main())
 * </pre>
 */
public final class EchoServer {

    private EchoServer() {
    }

    @Generator
    static Coroutine<?, ?, Void> handleEcho(StreamReader reader, StreamWriter writer, Consumer<String> print) {
        byte[] data = Yield.value(reader.read(100));
        String message = new String(data, StandardCharsets.UTF_8);
        String addr = Repr.of(writer.remoteAddress());

        print.accept("Received " + Repr.of(message) + " from " + addr);

        print.accept("Send: " + Repr.of(message));
        writer.write(data);
        Yield.value(writer.drain());

        print.accept("Close the connection");
        writer.close();
        Yield.value(writer.waitClosed());
        return Yield.done();
    }

    @Generator
    public static Coroutine<?, ?, Void> main(Consumer<String> print, String host, int port) {
        StreamServer server = Yield.value(Streams.startServer(
                (reader, writer) -> handleEcho(reader, writer, print), host, port));

        String addrs = Repr.of(server.address());
        print.accept("Serving on " + addrs);

        try (server) {
            Yield.value(server.serveForever());
        }
        return Yield.done();
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(main(System.out::println, "127.0.0.1", 8888));
    }
}
