package dev.generators.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The loop's selector: readiness callbacks, waiting in select, waking, and its clock. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SelectorTest {

    @Test
    void aReaderCallbackRunsOnTheLoopsThreadEachTimeTheChannelHasDataUntilRemoved() throws Exception {
        Pipe pipe = Pipe.open();
        EventLoop loop = EventLoop.start();
        try {
            List<String> read = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            CompletableFuture<Void> gotTwo = new CompletableFuture<>();
            onLoop(
                    loop,
                    () -> loop.addReader(pipe.source(), () -> {
                        threads.add(Thread.currentThread());
                        ByteBuffer buffer = ByteBuffer.allocate(16);
                        try {
                            int n = pipe.source().read(buffer);
                            read.add(new String(buffer.array(), 0, n));
                        } catch (IOException e) {
                            throw new RuntimeException(e);
                        }
                        if (read.size() == 2) {
                            assertTrue(loop.removeReader(pipe.source()));
                            gotTwo.complete(null);
                        }
                    }));
            pipe.sink().write(ByteBuffer.wrap("one".getBytes()));
            waitUntil(() -> read.size() == 1);
            pipe.sink().write(ByteBuffer.wrap("two".getBytes()));
            gotTwo.get(5, TimeUnit.SECONDS);
            pipe.sink().write(ByteBuffer.wrap("three".getBytes()));
            // The callback is gone: a turn of the loop later, nothing more was read.
            onLoop(loop, () -> {});
            onLoop(loop, () -> {});
            assertEquals(Arrays.asList("one", "two"), read);
            assertEquals(2, threads.size());
            assertTrue(threads.stream().allMatch(t -> t.getName().startsWith("event-loop-")), threads.toString());
            assertFalse(onLoop(loop, () -> loop.removeReader(pipe.source())));
        } finally {
            loop.close();
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Test
    void aWriterCallbackRunsWhileTheChannelCanBeWrittenAndLeavesTheReaderAlone() throws Exception {
        Pipe pipe = Pipe.open();
        EventLoop loop = EventLoop.start();
        try {
            CompletableFuture<Integer> written = new CompletableFuture<>();
            CompletableFuture<Void> readable = new CompletableFuture<>();
            onLoop(loop, () -> {
                loop.addReader(pipe.source(), () -> {
                    loop.removeReader(pipe.source());
                    readable.complete(null);
                });
                loop.addWriter(pipe.sink(), () -> {
                    loop.removeWriter(pipe.sink());
                    try {
                        written.complete(pipe.sink().write(ByteBuffer.wrap("hello".getBytes())));
                    } catch (IOException e) {
                        written.completeExceptionally(e);
                    }
                });
            });
            assertEquals(5, written.get(5, TimeUnit.SECONDS));
            readable.get(5, TimeUnit.SECONDS);
            assertFalse(onLoop(loop, () -> loop.removeWriter(pipe.sink())));
        } finally {
            loop.close();
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Test
    void anIdleLoopWaitsInSelectAndAnotherThreadWakesIt() throws Exception {
        EventLoop loop = EventLoop.start();
        try {
            Thread thread = onLoop(loop, Thread::currentThread);
            waitUntil(() -> thread.getState() == Thread.State.RUNNABLE && inSelect(thread));
            assertEquals("woken", onLoop(loop, () -> "woken"));
        } finally {
            loop.close();
        }
    }

    @Test
    void callAtRunsAtATimeOnTheLoopsClockInDeadlineOrder() {
        List<String> order = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long[] times = new long[2];
        // In virtual time, so that the deadlines alone decide the order, however loaded the machine.
        EventLoop.runUntilCompleteInVirtualTime(new Driven<>(in -> {
            if (in == null && !done.isDone() && order.isEmpty() && times[0] == 0) {
                EventLoop loop = EventLoop.current();
                long now = loop.time();
                times[0] = 1;
                loop.callAt(now + Duration.ofMillis(60).toNanos(), () -> {
                    times[1] = loop.time() - now;
                    order.add("third");
                    done.complete(null);
                });
                loop.callAt(now + Duration.ofMillis(20).toNanos(), () -> order.add("first"));
                loop.callLater(Duration.ofMillis(40), () -> order.add("second"));
                loop.callAt(now - 1, () -> order.add("passed, so at once"));
                return done;
            }
            return Driven.end(null);
        }));
        assertEquals(Arrays.asList("passed, so at once", "first", "second", "third"), order);
        assertEquals(Duration.ofMillis(60).toNanos(), times[1], "not at its time on the loop's clock");
    }

    @Test
    void readinessCallbacksAreForTheLoopsThreadOnly() throws Exception {
        Pipe pipe = Pipe.open();
        EventLoop loop = EventLoop.start();
        try {
            IllegalStateException thrown =
                    assertThrows(IllegalStateException.class, () -> loop.addReader(pipe.source(), () -> {}));
            assertTrue(
                    thrown.getMessage().startsWith("addReader must be called on the loop's thread"),
                    thrown.getMessage());
        } finally {
            loop.close();
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Test
    void aClosedChannelIsRefusedNamingIt() throws Exception {
        Pipe pipe = Pipe.open();
        pipe.source().close();
        EventLoop loop = EventLoop.start();
        try {
            CompletableFuture<Throwable> thrown = new CompletableFuture<>();
            loop.execute(() -> {
                try {
                    loop.addReader(pipe.source(), () -> {});
                    thrown.complete(null);
                } catch (Throwable t) {
                    thrown.complete(t);
                }
            });
            Throwable refused = thrown.get(5, TimeUnit.SECONDS);
            assertTrue(refused instanceof IllegalArgumentException, String.valueOf(refused));
            assertTrue(refused.getMessage().endsWith(" is closed"), refused.getMessage());
        } finally {
            loop.close();
            pipe.sink().close();
        }
    }

    private static boolean inSelect(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith("sun.nio.ch.")
                        && frame.getMethodName().contains("doSelect"));
    }

    static void onLoop(EventLoop loop, Runnable action) throws Exception {
        onLoop(loop, () -> {
            action.run();
            return null;
        });
    }

    static <T> T onLoop(EventLoop loop, java.util.function.Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(action.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(5, TimeUnit.SECONDS);
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the condition never held");
            }
            Thread.sleep(5);
        }
    }
}
