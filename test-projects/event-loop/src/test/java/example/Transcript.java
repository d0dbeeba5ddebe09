package example;

import dev.generators.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a program printed, line by line, with when, in milliseconds: since the transcript began,
 * or, for {@link #onTheLoopsClock()}, on the clock of the loop that printed (from 0 in virtual time).
 */
public final class Transcript implements Consumer<String> {
    private final boolean loopClock;
    private final long start;
    private final List<String> lines = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    /** The loop that printed last, for {@link #elapsed()} on its clock. */
    private EventLoop loop;

    public Transcript() {
        this(false);
    }

    private Transcript(boolean loopClock) {
        this.loopClock = loopClock;
        this.start = loopClock ? 0 : System.nanoTime();
    }

    /** A transcript whose times are those of the loop's clock: for a program run in virtual time. */
    public static Transcript onTheLoopsClock() {
        return new Transcript(true);
    }

    @Override
    public synchronized void accept(String line) {
        lines.add(line);
        times.add((now() - start) / 1_000_000);
    }

    private long now() {
        if (!loopClock) {
            return System.nanoTime();
        }
        EventLoop running = EventLoop.current();
        loop = running;
        return running.time();
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** When line {@code index} was printed. */
    public synchronized long at(int index) {
        return times.get(index);
    }

    /** Milliseconds since the transcript began. */
    public synchronized long elapsed() {
        return ((loopClock ? loop.time() : System.nanoTime()) - start) / 1_000_000;
    }

    @Override
    public synchronized String toString() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            all.append(String.format("%6d ms  %s%n", times.get(i), lines.get(i)));
        }
        return all.toString();
    }
}
