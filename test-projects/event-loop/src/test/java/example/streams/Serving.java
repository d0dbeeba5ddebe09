package example.streams;

import dev.generators.Coroutine;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import example.Transcript;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server program running on a loop of its own thread, from its "Serving on" line until stopped. */
final class Serving implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("Serving on \\('127\\.0\\.0\\.1', (\\d+)\\)");

    final Transcript print = new Transcript();
    final EventLoop loop = EventLoop.start();
    final Task<?> task;
    final int port;

    Serving(Function<Transcript, Coroutine<?, ?, ?>> program) throws InterruptedException {
        task = loop.run(program.apply(print));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (print.lines().isEmpty()) {
            if (System.nanoTime() > deadline || task.isDone()) {
                throw new AssertionError("the server never said where it serves: " + print + " " + task);
            }
            Thread.sleep(5);
        }
        Matcher serving = SERVING.matcher(print.lines().get(0));
        if (!serving.matches()) {
            throw new AssertionError("not a Serving line: " + print.lines().get(0));
        }
        port = Integer.parseInt(serving.group(1));
    }

    /** Waits until the server has printed {@code count} lines. */
    List<String> lines(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (print.lines().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server printed " + print.lines().size() + " lines, not " + count + ":\n" + print);
            }
            Thread.sleep(5);
        }
        return print.lines();
    }

    /** Cancels the serving task (its server closes) and stops the loop. */
    @Override
    public void close() {
        task.cancel(false);
        loop.close();
    }
}
