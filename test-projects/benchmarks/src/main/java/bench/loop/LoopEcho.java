package bench.loop;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.StreamReader;
import dev.generators.loop.StreamWriter;

/** The echo benchmark's handler on the event loop's streams: what echo_server.py's handler is for asyncio. */
final class LoopEcho {

    private LoopEcho() {
    }

    @Generator
    static Coroutine<?, ?, Void> echo(StreamReader reader, StreamWriter writer) {
        try {
            while (true) {
                byte[] data = Yield.value(reader.read(65536));
                if (data.length == 0) {
                    break;
                }
                writer.write(data);
                Yield.value(writer.drain());
            }
        } finally {
            writer.close();
        }
        return Yield.done();
    }
}
