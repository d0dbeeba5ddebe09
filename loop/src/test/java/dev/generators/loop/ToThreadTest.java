package dev.generators.loop;

import static dev.generators.loop.Scripted.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Async.toThread: blocking code on the loop's pool, the task resumed on the loop with its outcome. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ToThreadTest {

    @Test
    void theCallRunsOnAPoolThreadWhileTheOtherTasksRunAndTheTaskResumesOnTheLoop() {
        CountDownLatch released = new CountDownLatch(1);
        // The call blocks until another task of the loop releases it: it can't if the loop is blocked.
        Scripted<Void> releaser = new Scripted<>(null, null, step(() -> {
            released.countDown();
            return null;
        }));
        Scripted<Void> main = new Scripted<>(null, step(() -> {
            Async.spawn(releaser);
            return Async.toThread(() -> {
                assertTrue(released.await(5, TimeUnit.SECONDS), "the other task did not run meanwhile");
                return Thread.currentThread().getName();
            });
        }));
        EventLoop.runUntilComplete(main);
        String thread = (String) main.received.get(0);
        assertTrue(thread.startsWith(Thread.currentThread().getName() + "-to-thread-"), thread);
        assertEquals(Arrays.asList(Thread.currentThread(), Thread.currentThread()), main.threads);
    }

    @Test
    void aCheckedExceptionIsRaisedIntoTheTaskAsItWasThrown() {
        IOException failure = new IOException("disk gone");
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> Async.toThread(() -> {
                    throw failure;
                })));
        EventLoop.runUntilComplete(main);
        assertSame(failure, main.received.get(0));
    }

    @Test
    void aVoidMethodThatThrowsIsTakenAsABlockingActionAndCompletesWithNull() {
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> Async.toThread(() -> Thread.sleep(1))),
                step(() -> Async.toThread(ToThreadTest::blockingIo)));
        EventLoop.runUntilComplete(main);
        assertEquals(Arrays.asList(null, null), main.received);
    }

    @Test
    void aCancelResumesTheTaskAtOnceAndTheCallRunsOnItsOutcomeDropped() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        CompletableFuture<?>[] call = new CompletableFuture<?>[1];
        Scripted<Void> waiting = new Scripted<>(null, step(() -> {
            call[0] = Async.toThread(() -> {
                started.countDown();
                release.await();
                ended.countDown();
                return "late";
            });
            return call[0];
        }));
        Task<?>[] task = new Task<?>[1];
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    task[0] = Async.spawn(waiting);
                    return Async.toThread(() -> started.await(5, TimeUnit.SECONDS));
                }),
                step(() -> {
                    call[0].cancel(false);
                    return task[0];
                }));
        EventLoop.runUntilComplete(main);
        assertInstanceOf(CancellationException.class, waiting.received.get(0));
        assertEquals(1, ended.getCount(), "the task waited for the call to end");
        release.countDown();
        assertTrue(ended.await(5, TimeUnit.SECONDS), "the call did not run on");
        assertTrue(call[0].isCancelled());
    }

    private static void blockingIo() throws InterruptedException {
        Thread.sleep(1);
    }
}
