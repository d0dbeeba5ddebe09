package example.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import example.Transcript;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The programs of asyncio's documentation, ported, run with a shorter second: each prints what
 * the documentation says it prints, at the times it says. They run in virtual time
 * ({@link EventLoop#runUntilCompleteInVirtualTime}), so that the times are exact on the loop's
 * clock however loaded the machine is: a program that waits concurrently ends at the longer sleep,
 * one that waits in turn at their sum, to the nanosecond. The one that blocks a real thread runs in
 * real time, and asserts only that it took no less than it must.
 */
@Timeout(20)
class PortsTest {
    private static final Duration SECOND = Duration.ofMillis(300);
    private static final long UNIT = SECOND.toMillis();

    @Test
    void helloWorldWaitsASecondBetweenItsLines() {
        Transcript print = Transcript.onTheLoopsClock();
        EventLoop.runUntilCompleteInVirtualTime(HelloWorld.main(print, SECOND));
        assertEquals(List.of("Hello ...", "... World!"), print.lines());
        assertAt(UNIT, print.at(1) - print.at(0), print);
    }

    @Test
    void awaitingOneCoroutineAfterAnotherTakesTheSumOfTheirSleeps() {
        Transcript print = Transcript.onTheLoopsClock();
        EventLoop.runUntilCompleteInVirtualTime(SayAfter.oneAfterTheOther(print, SECOND));
        List<String> lines = print.lines();
        assertEquals(List.of("hello", "world"), lines.subList(1, 3));
        assertTrue(lines.get(0).startsWith("started at ") && lines.get(3).startsWith("finished at "), print.toString());
        assertAt(3 * UNIT, print.at(3) - print.at(0), print);
    }

    @Test
    void twoTasksSleepingTogetherTakeTheLongerSleepNotTheSum() {
        Transcript print = Transcript.onTheLoopsClock();
        EventLoop.runUntilCompleteInVirtualTime(SayAfter.asTasks(print, SECOND));
        assertEquals(List.of("hello", "world"), print.lines().subList(1, 3));
        assertAt(UNIT, print.at(1) - print.at(0), print);
        assertAt(2 * UNIT, print.at(3) - print.at(0), print);
    }

    @Test
    void gatherOfFactorialsPrintsWhatTheDocumentationShows() {
        Transcript print = Transcript.onTheLoopsClock();
        List<Long> results = EventLoop.runUntilCompleteInVirtualTime(Factorials.main(print, SECOND));
        assertEquals(List.of(
                "Task A: Compute factorial(2), currently i=2...",
                "Task B: Compute factorial(3), currently i=2...",
                "Task C: Compute factorial(4), currently i=2...",
                "Task A: factorial(2) = 2",
                "Task B: Compute factorial(3), currently i=3...",
                "Task C: Compute factorial(4), currently i=3...",
                "Task B: factorial(3) = 6",
                "Task C: Compute factorial(4), currently i=4...",
                "Task C: factorial(4) = 24",
                "[2, 6, 24]"), print.lines());
        assertEquals(List.of(2L, 6L, 24L), results);
        // Three sleeps of a second for C, run alongside A's one and B's two.
        assertAt(3 * UNIT, print.at(9), print);
    }

    @Test
    void threeWorkersShareTheQueueAndAreCancelledWhenItIsDone() {
        Transcript print = Transcript.onTheLoopsClock();
        Duration second = Duration.ofMillis(100);
        Workers.Report report = EventLoop.runUntilCompleteInVirtualTime(Workers.main(print, second, new Random(8)));
        List<String> lines = print.lines();
        assertEquals(23, lines.size(), print.toString());
        for (int worker = 0; worker < 3; worker++) {
            String name = "worker-" + worker;
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(name + " has slept for ")), name + " never slept\n" + print);
        }
        assertEquals("====", lines.get(20));
        // Three workers can't do better than a third of the total, nor worse than a third plus the longest sleep.
        double third = report.expectedSleep() / 3;
        assertTrue(report.sleptInParallel() >= third - 0.01 && report.sleptInParallel() <= third + 1.0,
                "slept in parallel for " + report.sleptInParallel() + " of " + report.expectedSleep() + "\n" + print);
        assertEquals(3, report.workerOutcomes().size());
        for (Object outcome : report.workerOutcomes()) {
            assertInstanceOf(CancellationException.class, outcome);
        }
    }

    @Test
    void waitForGivesUpOnEternityAfterItsTimeout() {
        Transcript print = Transcript.onTheLoopsClock();
        EventLoop.runUntilCompleteInVirtualTime(Eternity.main(print, SECOND));
        assertEquals(List.of("timeout!"), print.lines());
        assertAt(UNIT, print.at(0), print);
    }

    @Test
    void cancellingATaskRunsItsHandlerAndFinallyBeforeTheWaiterSeesTheCancel() {
        Transcript print = Transcript.onTheLoopsClock();
        EventLoop.runUntilCompleteInVirtualTime(CancelMe.main(print, SECOND));
        assertEquals(List.of(
                "cancel_me(): before sleep",
                "cancel_me(): cancel sleep",
                "cancel_me(): after sleep",
                "main(): cancel_me is cancelled now"), print.lines());
        assertAt(UNIT, print.at(1), print);
    }

    @Test
    void theWaiterGetsItOnceTheEventIsSetASecondLater() {
        Transcript print = Transcript.onTheLoopsClock();
        EventLoop.runUntilCompleteInVirtualTime(EventWaiter.main(print, SECOND));
        assertEquals(List.of("waiting for it ...", "... got it!"), print.lines());
        // From the start: main's sleep begins before the waiter prints its first line.
        assertAt(UNIT, print.at(1), print);
    }

    @Test
    void aSemaphoreOfThreeRunsSevenDownloadsThreeAtATimeInTheOrderTheyAsked() {
        Transcript print = Transcript.onTheLoopsClock();
        List<Integer> results = EventLoop.runUntilCompleteInVirtualTime(Downloads.main(print, SECOND));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), results);
        List<String> lines = print.lines();
        assertEquals(15, lines.size(), print.toString());
        // Each second ends three downloads and starts the next three; within a second the order may vary.
        assertEquals(Set.of("downloading 0", "downloading 1", "downloading 2"), Set.copyOf(lines.subList(0, 3)), print.toString());
        assertEquals(Set.of("downloaded 0", "downloaded 1", "downloaded 2", "downloading 3", "downloading 4", "downloading 5"),
                Set.copyOf(lines.subList(3, 9)), print.toString());
        assertEquals(Set.of("downloaded 3", "downloaded 4", "downloaded 5", "downloading 6"), Set.copyOf(lines.subList(9, 13)),
                print.toString());
        assertEquals(List.of("downloaded 6", "[0, 1, 2, 3, 4, 5, 6]"), lines.subList(13, 15));
        int running = 0;
        int most = 0;
        for (String line : lines) {
            running += line.startsWith("downloading ") ? 1 : line.startsWith("downloaded ") ? -1 : 0;
            most = Math.max(most, running);
        }
        assertEquals(3, most, "downloads at once\n" + print);
        for (int i = 3; i < 6; i++) {
            assertTrue(lines.indexOf("downloading " + i) < lines.indexOf("downloading " + (i + 1)), "not first come first served\n" + print);
        }
        for (int i = 0; i < lines.size(); i++) {
            long second = i < 3 ? 0 : i < 9 ? 1 : i < 13 ? 2 : 3;
            assertAt(second * UNIT, print.at(i), print);
        }
    }

    @Test
    void underTheLockEachIncrementReadsTheLastOnesWrite() {
        Transcript print = Transcript.onTheLoopsClock();
        int counter = EventLoop.runUntilCompleteInVirtualTime(new LockedCounter(print, SECOND).main());
        assertEquals(List.of("task-0 reads 0", "task-1 reads 1", "task-2 reads 2", "task-3 reads 3", "task-4 reads 4", "counter = 5"),
                print.lines());
        assertEquals(5, counter);
        // One at a time: each waits for the tenth of a second of the one before.
        for (int i = 1; i < 6; i++) {
            assertTrue(print.at(i) - print.at(i - 1) >= UNIT / 10, "overlapped\n" + print);
        }
        assertAt(UNIT / 2, print.at(5), print);
    }

    @Test
    void asCompletedGivesTheResultsInTheOrderTheTasksFinish() {
        Transcript print = Transcript.onTheLoopsClock();
        EventLoop.runUntilCompleteInVirtualTime(SleepAndReturn.asCompleted(print, SECOND));
        assertEquals(List.of("slept 1s", "slept 2s", "slept 3s"), print.lines());
        for (int i = 0; i < 3; i++) {
            assertAt((i + 1) * UNIT, print.at(i), print);
        }
    }

    @Test
    void waitReturnsTheFirstToFinishThenWhatFinishesWithinTheTimeout() {
        Transcript print = Transcript.onTheLoopsClock();
        List<Task<String>> tasks = EventLoop.runUntilCompleteInVirtualTime(SleepAndReturn.waitFirst(print, SECOND));
        assertEquals(List.of("slept 1s, 2 pending", "slept 2s, 1 pending"), print.lines());
        assertAt(UNIT, print.at(0), print);
        // The second wait ends at its timeout, a second and a half after the first.
        assertAt(5 * UNIT / 2, print.at(1), print);
        assertTrue(tasks.get(0).isCancelled(), "the task left pending was not cancelled");
        assertEquals("slept 2s", tasks.get(2).join());
    }

    @Test
    void twoTasksOfATaskGroupAreJoinedWhenTheBlockEndsAfterTheLongerSleep() {
        Transcript print = Transcript.onTheLoopsClock();
        EventLoop.runUntilCompleteInVirtualTime(SayAfter.inTaskGroup(print, SECOND));
        List<String> lines = print.lines();
        assertEquals(List.of("hello", "world"), lines.subList(1, 3));
        assertTrue(lines.get(0).startsWith("started at ") && lines.get(3).startsWith("finished at "), print.toString());
        assertAt(UNIT, print.at(1) - print.at(0), print);
        assertAt(2 * UNIT, print.at(3) - print.at(0), print);
    }

    @Test
    void aTaskThatRaisesTerminatesTheGroupCancellingTheTaskStillSleeping() {
        Transcript print = Transcript.onTheLoopsClock();
        EventLoop.runUntilCompleteInVirtualTime(TerminateGroup.main(print, SECOND));
        assertEquals(List.of("Task 1: start", "Task 2: start", "Task 1: done"), print.lines());
        assertAt(UNIT / 2, print.at(2), print);
        // Ended after the second's sleep, not after task 2's second and a half.
        assertAt(UNIT, print.elapsed(), print);
    }

    @Test
    void aBlockingCallOnAThreadRunsAlongsideASleepOnTheLoop() {
        Transcript print = new Transcript();
        EventLoop.runUntilComplete(BlockingIo.main(print, SECOND));
        List<String> lines = print.lines();
        assertEquals(4, lines.size(), print.toString());
        assertTrue(lines.get(0).startsWith("started main at ") && lines.get(1).startsWith("start blocking_io at ")
                && lines.get(2).startsWith("blocking_io complete at ") && lines.get(3).startsWith("finished main at "),
                print.toString());
        // In real time, as a thread blocks: no less than the second both wait, whatever the load. That
        // the two waits overlap is not asserted, as a loaded machine can make a second last two.
        assertTrue(print.at(3) - print.at(0) >= UNIT, print.toString());
    }

    @Test
    void theProducerFillsTheBufferOfTwoThenPutsOneEachTimeTheConsumerMakesRoom() {
        Transcript print = Transcript.onTheLoopsClock();
        EventLoop.runUntilCompleteInVirtualTime(BoundedBuffer.main(print, SECOND));
        // What asyncio prints, at 0, 0, 0.5, 0.5, 1, 1, 1.5, 1.5, 2 and 2.5 seconds.
        assertEquals(List.of("put 0", "put 1", "got 0", "put 2", "got 1", "put 3", "got 2", "put 4", "got 3", "got 4"),
                print.lines());
        long[] halves = {0, 0, 1, 1, 2, 2, 3, 3, 4, 5};
        for (int i = 0; i < halves.length; i++) {
            assertAt(halves[i] * UNIT / 2, print.at(i), print);
        }
        // The producer waited while the buffer was full: each put after the second follows a get.
        for (int i = 3; i < 8; i += 2) {
            assertTrue(print.at(i) >= print.at(i - 1), "put before the room was made\n" + print);
        }
    }

    @Test
    void theBarrierFillsDrainsAndFillsAgainAsTheDocumentationShows() {
        Transcript print = Transcript.onTheLoopsClock();
        List<Integer> indices = EventLoop.runUntilCompleteInVirtualTime(Barriers.exampleBarrier(print));
        assertEquals(List.of(
                "AsyncBarrier [filling, waiters:2/3]",
                "AsyncBarrier [draining, waiters:0/3]",
                "barrier passed",
                "AsyncBarrier [filling, waiters:0/3]"), print.lines());
        assertEquals(List.of(0, 1, 2), indices);
        // Nothing in it sleeps.
        assertAt(0, print.elapsed(), print);
    }

    @Test
    void threeWorkersArrivingASecondApartPassTheBarrierTogetherTheLastFirst() {
        Transcript print = Transcript.onTheLoopsClock();
        EventLoop.runUntilCompleteInVirtualTime(Barriers.workers(print, SECOND));
        assertEquals(List.of("a arrives", "b arrives", "c arrives", "c passes as 2", "a passes as 0", "b passes as 1"),
                print.lines());
        for (int i = 0; i < 3; i++) {
            assertAt((i + 1) * UNIT, print.at(i), print);
        }
        // All pass when the last arrives: from its arrival, not the start, so that its lateness doesn't count.
        for (int i = 3; i < 6; i++) {
            assertAt(0, print.at(i) - print.at(2), print);
        }
    }

    /** At exactly {@code expected} ms of the loop's virtual clock. */
    private static void assertAt(long expected, long actual, Transcript print) {
        assertEquals(expected, actual, "at " + actual + " ms, expected " + expected + " ms\n" + print);
    }
}
