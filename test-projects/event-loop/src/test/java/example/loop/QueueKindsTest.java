package example.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncQueue;
import dev.generators.loop.EventLoop;
import dev.generators.loop.QueueShutDownException;
import dev.generators.loop.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** asyncio's PriorityQueue and LifoQueue, and Queue.shutdown (3.13), as test_queues has them. */
@Timeout(10)
class QueueKindsTest {

    record Job(int priority, String name) implements Comparable<Job> {
        @Override
        public int compareTo(Job other) {
            return Integer.compare(priority, other.priority);
        }
    }

    @Generator
    static Coroutine<?, ?, List<String>> drains(AsyncQueue<Job> queue) {
        List<String> got = new ArrayList<>();
        while (!queue.isEmpty()) {
            Job job = Yield.value(queue.get());
            got.add(job.name());
        }
        return Yield.done(got);
    }

    @Test
    void aPriorityQueueHandsOutTheSmallestFirst() {
        // test_queues.PriorityQueueTests.test_order
        AsyncQueue<Job> queue = AsyncQueue.priority();
        for (Job job : List.of(new Job(3, "c"), new Job(1, "a"), new Job(2, "b"))) {
            queue.offer(job);
        }
        assertEquals(List.of("a", "b", "c"), EventLoop.runUntilComplete(drains(queue)));
        AsyncQueue<Job> reversed = AsyncQueue.priority(2, Comparator.comparing(Job::name).reversed());
        reversed.offer(new Job(0, "a"));
        reversed.offer(new Job(0, "b"));
        assertEquals(List.of("b", "a"), EventLoop.runUntilComplete(drains(reversed)));
    }

    @Test
    void aLifoQueueHandsOutTheNewestFirst() {
        // test_queues.LifoQueueTests.test_order
        AsyncQueue<Job> queue = AsyncQueue.lifo();
        for (String name : List.of("1", "3", "2")) {
            queue.offer(new Job(0, name));
        }
        assertEquals(List.of("2", "3", "1"), EventLoop.runUntilComplete(drains(queue)));
    }

    @Generator
    static Coroutine<?, ?, String> getsOne(AsyncQueue<String> queue) {
        try {
            String got = Yield.value(queue.get());
            return Yield.done(got);
        } catch (QueueShutDownException e) {
            return Yield.done("shut down");
        }
    }

    @Generator
    static Coroutine<?, ?, String> putsOne(AsyncQueue<String> queue, String element) {
        try {
            Yield.value(queue.put(element));
            return Yield.done("put");
        } catch (QueueShutDownException e) {
            return Yield.done("shut down");
        }
    }

    @Generator
    static Coroutine<?, ?, List<String>> shutDownWithWaiters(boolean immediate) {
        AsyncQueue<String> full = new AsyncQueue<>(1);
        full.offer("kept");
        AsyncQueue<String> empty = new AsyncQueue<>();
        Task<String> putter = Async.spawn(putsOne(full, "late"));
        Task<String> getter = Async.spawn(getsOne(empty));
        Yield.value(null);
        full.shutDown(immediate);
        empty.shutDown(immediate);
        List<String> log = new ArrayList<>();
        log.add("putter: " + Yield.value(putter));
        log.add("getter: " + Yield.value(getter));
        log.add("put after: " + assertThrows(QueueShutDownException.class, () -> full.offer("x")).getMessage());
        if (!full.isEmpty()) {
            log.add("left: " + full.poll());
            full.taskDone();
        }
        log.add("get when empty: " + assertThrows(QueueShutDownException.class, full::poll).getMessage());
        Yield.value(full.join()); // done when every element put was marked done, or dropped
        return Yield.done(log);
    }

    @Test
    void aShutDownQueueFailsItsPuttersAndItsGettersOnceEmpty() {
        // test_queues.QueueShutdownTests: shutdown() lets the elements be got; shutdown(immediate=True) drops them
        full(false, List.of("putter: shut down", "getter: shut down", "put after: the queue is shut down", "left: kept", "get when empty: the queue is shut down"));
        full(true, List.of("putter: shut down", "getter: shut down", "put after: the queue is shut down", "get when empty: the queue is shut down"));
    }

    private static void full(boolean immediate, List<String> expected) {
        assertEquals(expected, EventLoop.runUntilComplete(shutDownWithWaiters(immediate)));
    }
}
