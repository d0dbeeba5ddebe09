package example.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncTimeoutException;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import dev.generators.loop.Timeout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Async.timeout over a block: asyncio.timeout's semantics, as CPython's test_timeouts pins them. */
@org.junit.jupiter.api.Timeout(10)
class TimeoutScopeTest {

    private static final Duration LONG = Duration.ofHours(1);
    private static final Duration SHORT = Duration.ofMillis(5);

    @Generator
    static Coroutine<?, ?, List<String>> timesOut() {
        List<String> log = new ArrayList<>();
        Timeout scope = null;
        try (Timeout timeout = Async.timeout(SHORT)) {
            scope = timeout;
            try {
                Yield.value(Async.sleep(LONG));
            } catch (Exception e) {
                log.add("swallowed by catch (Exception)");
            }
            log.add("not reached");
        } catch (AsyncTimeoutException e) {
            log.add("timeout, expired " + scope.expired());
        }
        log.add("cancelling " + Async.currentTask().cancelling());
        return Yield.done(log);
    }

    @Test
    void aBlockThatOutlivesItsDeadlineEndsInATimeoutAndTheTaskIsNotCancelled() {
        // test_timeout_basic, test_timeout_expired
        assertEquals(List.of("timeout, expired true", "cancelling 0"), EventLoop.runUntilCompleteInVirtualTime(timesOut()));
    }

    @Generator
    static Coroutine<?, ?, String> finishesInTime() {
        try (Timeout timeout = Async.timeout(LONG)) {
            Yield.value(Async.sleep(1));
            return Yield.done("in time, expired " + timeout.expired());
        }
    }

    @Test
    void aBlockThatEndsInTimeIsNotDisturbed() {
        assertEquals("in time, expired false", EventLoop.runUntilCompleteInVirtualTime(finishesInTime()));
    }

    @Generator
    static Coroutine<?, ?, List<String>> rescheduled() {
        List<String> log = new ArrayList<>();
        Timeout scope = null;
        try (Timeout timeout = Async.timeout(null)) {
            scope = timeout;
            log.add("no deadline: " + timeout.remaining());
            timeout.reschedule(SHORT);
            Yield.value(Async.sleep(LONG));
        } catch (AsyncTimeoutException e) {
            log.add("timeout");
        }
        Timeout expired = scope;
        log.add(assertThrows(IllegalStateException.class, () -> expired.reschedule(LONG)).getMessage());
        return Yield.done(log);
    }

    @Test
    void aScopeWithoutADeadlineCanBeRescheduledUntilItExpires() {
        // test_timeout_none_then_reschedule, test_reschedule_after_expired
        assertEquals(
                List.of("no deadline: null", "timeout", "can't reschedule a timeout that has been closed"),
                EventLoop.runUntilCompleteInVirtualTime(rescheduled()));
    }

    @Generator
    static Coroutine<?, ?, List<String>> outerFiresFirst() {
        List<String> log = new ArrayList<>();
        Timeout outerScope = null;
        Timeout innerScope = null;
        try (Timeout outer = Async.timeout(SHORT)) {
            outerScope = outer;
            try (Timeout inner = Async.timeout(LONG)) {
                innerScope = inner;
                Yield.value(Async.sleep(LONG));
            }
            log.add("not reached");
        } catch (AsyncTimeoutException e) {
            log.add("outer expired " + outerScope.expired() + ", inner expired " + innerScope.expired());
        }
        return Yield.done(log);
    }

    @Generator
    static Coroutine<?, ?, List<String>> innerFiresFirst() {
        List<String> log = new ArrayList<>();
        try (Timeout outer = Async.timeout(LONG)) {
            try (Timeout inner = Async.timeout(SHORT)) {
                Yield.value(Async.sleep(LONG));
            } catch (AsyncTimeoutException e) {
                log.add("inner timed out");
            }
            Yield.value(Async.sleep(1));
            log.add("outer goes on, expired " + outer.expired());
        }
        return Yield.done(log);
    }

    @Test
    void nestedScopesEachFireAtTheirOwnDeadline() {
        // test_nested_timeouts, test_nested_timeout_in_finally
        assertEquals(List.of("outer expired true, inner expired false"), EventLoop.runUntilCompleteInVirtualTime(outerFiresFirst()));
        assertEquals(List.of("inner timed out", "outer goes on, expired false"), EventLoop.runUntilCompleteInVirtualTime(innerFiresFirst()));
    }

    @Generator
    static Coroutine<?, ?, Void> sleepsInAScope(List<String> log) {
        try (Timeout timeout = Async.timeout(LONG)) {
            Yield.value(Async.sleep(LONG));
        } catch (AsyncTimeoutException e) {
            log.add("turned into a timeout");
        }
        log.add("went on");
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, String> cancelsTheSleeper(List<String> log) {
        Task<Void> task = Async.spawn(sleepsInAScope(log));
        Yield.value(null);
        task.cancel();
        try {
            Yield.value(task);
            return Yield.done("not cancelled");
        } catch (CancellationException e) {
            return Yield.done("cancelled");
        }
    }

    @Test
    void aCancelFromOutsideInAScopeStaysACancel() {
        // test_cancel_in_timeout_after_cancellation: only the scope's own cancel becomes a timeout
        List<String> log = new ArrayList<>();
        assertEquals("cancelled", EventLoop.runUntilCompleteInVirtualTime(cancelsTheSleeper(log)));
        assertEquals(List.of(), log);
    }

    @Generator
    static Coroutine<?, ?, String> expiresWhileCancelled() {
        Task<?> self = Async.currentTask();
        try (Timeout timeout = Async.timeout(LONG)) {
            // Both due at the next turn, the scope first: a cancel of the task's own besides the scope's.
            timeout.reschedule(Duration.ofSeconds(-1));
            EventLoop.current().callLater(Duration.ofSeconds(-1), self::cancel);
            Yield.value(Async.sleep(LONG));
        } catch (AsyncTimeoutException e) {
            return Yield.done("timeout");
        }
        return Yield.done("not reached");
    }

    @Test
    void aScopeThatExpiresWhileTheTaskIsAlsoCancelledLetsTheCancelThrough() {
        // test_timeout_and_cancel: cancelling() counts two, the scope takes back one
        assertThrows(CancellationException.class, () -> EventLoop.runUntilCompleteInVirtualTime(expiresWhileCancelled()));
    }
}
