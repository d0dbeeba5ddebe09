package example.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncQueue;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A hundred thousand tasks alive at once on one loop. */
@Timeout(60)
class ScaleTest {
    private static final int TASKS = 100_000;

    /** How many tasks are between their start and their end, and the most there were. */
    static final class Census {
        int alive;
        int most;

        void enter() {
            most = Math.max(most, ++alive);
        }
    }

    @Generator
    static Coroutine<?, ?, Long> sleeper(Census census, long millis, long value) {
        census.enter();
        try {
            Yield.value(Async.sleep(millis));
            return Yield.done(value * value);
        } finally {
            census.alive--;
        }
    }

    @Generator
    static Coroutine<?, ?, Long> sleepAll(Census census) {
        Random random = new Random(100);
        List<Coroutine<?, ?, Long>> sleepers = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            sleepers.add(sleeper(census, random.nextInt(200), i));
        }
        List<Long> squares = Yield.value(Async.gather(sleepers));
        long sum = 0;
        for (long square : squares) {
            sum += square;
        }
        return Yield.done(sum);
    }

    @Test
    void aHundredThousandTasksSleepTogether() {
        Census census = new Census();
        long sum = EventLoop.runUntilComplete(sleepAll(census));
        long expected = 0;
        for (long i = 0; i < TASKS; i++) {
            expected += i * i;
        }
        assertEquals(expected, sum);
        assertEquals(TASKS, census.most, "not all the tasks were alive at once");
        assertEquals(0, census.alive);
    }

    @Generator
    static Coroutine<?, ?, Void> consumer(AsyncQueue<Integer> queue, long[] total) {
        int value = Yield.value(queue.get());
        total[0] += value;
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Long> parkThenFeed() {
        AsyncQueue<Integer> queue = new AsyncQueue<>();
        long[] total = {0};
        List<Task<Void>> consumers = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            consumers.add(Async.spawn(consumer(queue, total)));
        }
        Yield.value(null);
        int parked = 0;
        for (Task<Void> consumer : consumers) {
            parked += consumer.isDone() ? 0 : 1;
        }
        assertEquals(TASKS, parked);
        assertEquals(TASKS + 1, EventLoop.current().tasks().size());
        for (int i = 1; i <= TASKS; i++) {
            queue.offer(i);
        }
        Yield.value(Async.gather(consumers));
        return Yield.done(total[0]);
    }

    @Test
    void aHundredThousandTasksParkedOnAQueueEachGetOneElement() {
        assertEquals((long) TASKS * (TASKS + 1) / 2, EventLoop.runUntilComplete(parkThenFeed()));
    }
}
