package example.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncQueue;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class QueueTest {

    @Generator
    static Coroutine<?, ?, Void> producer(AsyncQueue<Integer> queue, List<String> log, int count) {
        for (int i = 0; i < count; i++) {
            Yield.value(queue.put(i));
            log.add("put " + i);
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> slowConsumer(AsyncQueue<Integer> queue, List<String> log, int count) {
        for (int i = 0; i < count; i++) {
            Yield.value(Async.sleep(5));
            int got = Yield.value(queue.get());
            log.add("got " + got);
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> produceAndConsume(List<String> log) {
        AsyncQueue<Integer> queue = new AsyncQueue<>(2);
        Yield.value(Async.gather(producer(queue, log, 5), slowConsumer(queue, log, 5)));
        return Yield.done();
    }

    @Test
    void aFullQueueMakesThePutterWaitForRoom() {
        List<String> log = new ArrayList<>();
        EventLoop.runUntilCompleteInVirtualTime(produceAndConsume(log));
        // Two fit at once; after that each put waits until a get has made room.
        assertEquals(List.of("put 0", "put 1", "got 0", "put 2", "got 1", "put 3", "got 2", "put 4", "got 3", "got 4"), log);
    }

    @Generator
    static Coroutine<?, ?, Void> getter(AsyncQueue<String> queue, List<String> log, String name) {
        String got = Yield.value(queue.get());
        log.add(name + " got " + got);
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> gettersInLine(List<String> log) {
        AsyncQueue<String> queue = new AsyncQueue<>();
        Task<Void> first = Async.spawn(getter(queue, log, "first"));
        Task<Void> cancelled = Async.spawn(getter(queue, log, "cancelled"));
        Task<Void> third = Async.spawn(getter(queue, log, "third"));
        Yield.value(null);
        cancelled.cancel(false);
        queue.offer("a");
        queue.offer("b");
        Yield.value(Async.gather(first, third));
        log.add("left in the queue: " + queue.size());
        return Yield.done();
    }

    @Test
    void waitingGettersAreServedInOrderAndACancelledOneTakesNothing() {
        List<String> log = new ArrayList<>();
        EventLoop.runUntilCompleteInVirtualTime(gettersInLine(log));
        assertEquals(List.of("first got a", "third got b", "left in the queue: 0"), log);
    }
}
