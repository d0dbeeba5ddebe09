package dev.generators.loop;

import static dev.generators.loop.Scripted.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** AsyncQueue: what a cancelled get or put leaves behind, and in what order join's waiters wake. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueueTest {

    @Test
    void getsAndPutsThatTimeOutLeaveTheLine() {
        AsyncQueue<String> empty = new AsyncQueue<>();
        AsyncQueue<String> full = new AsyncQueue<>(1);
        full.offer("x");
        Object[] script = new Object[200];
        for (int i = 0; i < script.length; i += 2) {
            script[i] = step(() -> Async.waitFor(empty.get(), Duration.ZERO));
            script[i + 1] = step(() -> Async.waitFor(full.put("y"), Duration.ZERO));
        }
        EventLoop.runUntilComplete(new Scripted<>(null, script));
        // Each timed out, and its cancelled stage left the line: none is kept until an element comes.
        assertEquals("AsyncQueue[]", empty.toString());
        assertEquals("AsyncQueue[x] of at most 1", full.toString());
    }

    @Test
    void aGetCancelledDirectlyLeavesTheLineAndTheNextGetterHasTheElement() {
        AsyncQueue<String> queue = new AsyncQueue<>();
        CompletableFuture<String> cancelled = queue.get();
        CompletableFuture<String> next = queue.get();
        assertTrue(cancelled.cancel(false));
        assertEquals("AsyncQueue[], 1 getters waiting", queue.toString());
        queue.offer("x");
        assertEquals("x", next.getNow(null));
    }

    @Test
    void anElementHandedToAGetterCancelledBeforeItResumesGoesToTheNextGetter() {
        AsyncQueue<String> queue = new AsyncQueue<>();
        Scripted<Void> cancelled = new Scripted<>(null, step(queue::get));
        Scripted<Void> next = new Scripted<>(null, step(queue::get));
        Task<?>[] tasks = new Task<?>[2];
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    tasks[0] = Async.spawn(cancelled);
                    tasks[1] = Async.spawn(next);
                    return null; // both start, and wait in line
                }),
                step(() -> {
                    queue.offer("x"); // to the first, which is cancelled before it resumes
                    tasks[0].cancel(false);
                    queue.offer("y");
                    return Async.waitFor(tasks[1], Duration.ofSeconds(5));
                }),
                step(() -> Async.waitFor(queue.get(), Duration.ofSeconds(5))));
        EventLoop.runUntilComplete(main);
        assertInstanceOf(CancelledError.class, cancelled.received.get(0));
        assertEquals(Arrays.asList("x"), next.received, "the next getter did not get the first element");
        assertEquals(Arrays.asList(null, null, "y"), main.received, "the second element was lost or reordered");
    }

    @Test
    void anElementHandedToAGetterCancelledBeforeItResumesIsBackAtTheFrontOfTheQueue() {
        AsyncQueue<String> queue = new AsyncQueue<>();
        Scripted<Void> cancelled = new Scripted<>(null, step(queue::get));
        Task<?>[] task = new Task<?>[1];
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    task[0] = Async.spawn(cancelled);
                    return null;
                }),
                step(() -> {
                    queue.offer("x");
                    queue.offer("y");
                    task[0].cancel(false);
                    return null;
                }),
                step(queue::get),
                step(queue::get),
                step(() -> {
                    queue.taskDone();
                    queue.taskDone();
                    return queue.join(); // two put, two done: the element put back was not counted again
                }));
        EventLoop.runUntilComplete(main);
        assertEquals(Arrays.asList(null, null, "x", "y", null), main.received);
    }

    @Test
    void anElementATaskResumedWithIsKeptWhenItsStageIsCancelledAfterwards() {
        AsyncQueue<String> queue = new AsyncQueue<>();
        CompletableFuture<String> get = queue.get();
        Scripted<Void> getter = new Scripted<>(null, get);
        Task<?>[] task = new Task<?>[1];
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    task[0] = Async.spawn(getter);
                    return null;
                }),
                step(() -> {
                    queue.offer("x");
                    return task[0];
                }));
        EventLoop.runUntilComplete(main);
        assertEquals(Arrays.asList("x"), getter.received);
        assertFalse(get.cancel(false));
        assertEquals(0, queue.size(), "a cancel put back the element of the task that resumed with it");
    }

    @Test
    void joinWakesItsWaitersInTheOrderTheyCame() {
        AsyncQueue<String> queue = new AsyncQueue<>();
        queue.offer("x");
        List<String> woken = new ArrayList<>();
        for (String name : Arrays.asList("a", "b", "c")) {
            queue.join().thenRun(() -> woken.add(name));
        }
        CompletableFuture<Void> cancelled = queue.join();
        assertTrue(cancelled.cancel(false));
        queue.poll();
        queue.taskDone();
        assertEquals(Arrays.asList("a", "b", "c"), woken);
        assertTrue(queue.join().isDone());
    }
}
