package example.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import dev.generators.loop.TaskLocal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TaskLocal: asyncio's context variables, one copy per task. */
@Timeout(10)
class TaskLocalTest {

    static final TaskLocal<String> REQUEST = new TaskLocal<>("request", () -> "none");

    @Generator
    static Coroutine<?, ?, Void> handles(String id, List<String> log) {
        log.add(id + " starts with " + REQUEST.get());
        REQUEST.set(id);
        Yield.value(Async.sleep(Duration.ofMillis(id.length())));
        log.add(id + " after a sleep sees " + REQUEST.get());
        String onThread = Yield.value(Async.toThread(() -> {
            String seen = REQUEST.get();
            REQUEST.set("changed on the thread");
            return seen;
        }));
        log.add(id + " on a thread saw " + onThread + ", still " + REQUEST.get());
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> spawnsTwo(List<String> log) {
        REQUEST.set("parent");
        Task<Void> a = Async.spawn(handles("a", log));
        REQUEST.set("parent, later");
        Task<Void> bb = Async.spawn(handles("bb", log));
        Yield.value(Async.gather(a, bb));
        log.add("parent still sees " + REQUEST.get());
        return Yield.done();
    }

    @Test
    void eachTaskHasItsOwnValuesCopiedAtSpawnKeptAcrossAwaitsAndCarriedToAThread() {
        List<String> log = new ArrayList<>();
        EventLoop.runUntilComplete(spawnsTwo(log));
        // The two tasks interleave as their sleeps and threads go: what each saw matters, not the order.
        log.sort(null);
        assertEquals(
                sorted(
                        "a starts with parent",
                        "bb starts with parent, later",
                        "a after a sleep sees a",
                        "a on a thread saw a, still a",
                        "bb after a sleep sees bb",
                        "bb on a thread saw bb, still bb",
                        "parent still sees parent, later"),
                log);
    }

    private static List<String> sorted(String... lines) {
        List<String> list = new ArrayList<>(List.of(lines));
        list.sort(null);
        return list;
    }

    @Generator
    static Coroutine<?, ?, String> readsTheInitialValue() {
        return Yield.done(REQUEST.get());
    }

    @Test
    void aTaskStartedFromOutsideSeesTheInitialValueAndOutsideATaskThereIsNone() {
        assertEquals("none", EventLoop.runUntilComplete(readsTheInitialValue()));
        assertThrows(IllegalStateException.class, REQUEST::get);
    }
}
