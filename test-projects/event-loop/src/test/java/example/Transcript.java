package example;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What a program printed, line by line, with when, in milliseconds since the transcript began. */
public final class Transcript implements Consumer<String> {
    private final long start = System.nanoTime();
    private final List<String> lines = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();

    @Override
    public synchronized void accept(String line) {
        lines.add(line);
        times.add((System.nanoTime() - start) / 1_000_000);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** When line {@code index} was printed. */
    public synchronized long at(int index) {
        return times.get(index);
    }

    /** Milliseconds since the transcript began. */
    public long elapsed() {
        return (System.nanoTime() - start) / 1_000_000;
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
