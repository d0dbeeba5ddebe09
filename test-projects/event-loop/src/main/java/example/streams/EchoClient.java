package example.streams;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Connection;
import dev.generators.loop.EventLoop;
import dev.generators.loop.StreamReader;
import dev.generators.loop.StreamWriter;
import dev.generators.loop.Streams;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * asyncio's "TCP echo client using streams"
 * (https://docs.python.org/3/library/asyncio-stream.html#tcp-echo-client-using-streams):
 *
 * <pre>
 * async def tcp_echo_client(message):
 *     reader, writer = await asyncio.open_connection(
 *         '127.0.0.1', 8888)
 *
 *     print(f'Send: {message!r}')
 *     writer.write(message.encode())
 *     await writer.drain()
 *
 *     data = await reader.read(100)
 *     print(f'Received: {data.decode()!r}')
 *
 *     print('Close the connection')
 *     writer.close()
 *     await writer.wait_closed()
 *
 * asyncio.run(tcp_echo_client('Hello World!'))
 * </pre>
 */
public final class EchoClient {

    private EchoClient() {
    }

    @Generator
    public static Coroutine<?, ?, Void> tcpEchoClient(String message, Consumer<String> print, int port) {
        Connection connection = Yield.value(Streams.openConnection(
                "127.0.0.1", port));
        StreamReader reader = connection.reader();
        StreamWriter writer = connection.writer();

        print.accept("Send: " + Repr.of(message));
        writer.write(message.getBytes(StandardCharsets.UTF_8));
        Yield.value(writer.drain());

        byte[] data = Yield.value(reader.read(100));
        print.accept("Received: " + Repr.of(new String(data, StandardCharsets.UTF_8)));

        print.accept("Close the connection");
        writer.close();
        Yield.value(writer.waitClosed());
        return Yield.done();
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(tcpEchoClient("Hello World!", System.out::println, 8888));
    }
}
