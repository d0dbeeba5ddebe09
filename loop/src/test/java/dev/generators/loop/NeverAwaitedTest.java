package dev.generators.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.StateMachine;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A coroutine created on the loop and never awaited, spawned or used is reported when it is
 * collected, as Python warns "coroutine ... was never awaited"; one that was used never is. The
 * coroutines are written as the rewriter generates them, {@code coroutineCreated()} included.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NeverAwaitedTest {

    /** {@code @Generator static Coroutine<?, ?, String> fetch() { Yield.value(null); return Yield.done("fetched"); }} */
    static final class fetch$Generator extends StateMachine<Object, Object, String> {
        @Override
        protected Object resume() {
            if (state == 0) {
                state = 1;
                return null;
            }
            received();
            state = -1;
            return "fetched";
        }
    }

    /** What the rewritten {@code fetch()} does: makes the generator and tells the runtime's watcher. */
    static Coroutine<Object, Object, String> fetch() {
        return new fetch$Generator().coroutineCreated();
    }

    /** {@code @Generator static Coroutine<?, ?, Object> main() { uses.accept(...); return Yield.done(Yield.all(fetch())); }}, made off the loop. */
    static final class main$Generator extends StateMachine<Object, Object, Object> {
        private final List<WeakReference<Coroutine<?, ?, ?>>> made;
        private final Consumer<Coroutine<Object, Object, String>> use;

        main$Generator(List<WeakReference<Coroutine<?, ?, ?>>> made, Consumer<Coroutine<Object, Object, String>> use) {
            this.made = made;
            this.use = use;
        }

        @Override
        protected Object resume() {
            if (state == 0) {
                Coroutine<Object, Object, String> dropped = fetch();
                made.add(new WeakReference<>(dropped));
                use.accept(dropped);
                Coroutine<Object, Object, String> awaited = fetch();
                made.add(new WeakReference<>(awaited));
                state = 1;
                return yieldAll(awaited);
            }
            Object result = received();
            state = -1;
            return result;
        }
    }

    /** Runs {@code main} with {@code use} of one coroutine it makes, and collects until every coroutine made has gone. */
    private static List<String> reportsOf(Consumer<Coroutine<Object, Object, String>> use, boolean oneExpected)
            throws Exception {
        List<String> reports = new CopyOnWriteArrayList<>();
        List<WeakReference<Coroutine<?, ?, ?>>> made = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.start()) {
            loop.execute(() -> loop.setExceptionHandler((context, thrown) -> {
                assertTrue(thrown instanceof NeverAwaited.NeverAwaitedWarning, thrown::toString);
                reports.add(context);
            }));
            assertEquals("fetched", loop.run(new main$Generator(made, use)).get(30, TimeUnit.SECONDS));
            // Bounded: the outcome, not the time it takes, is asserted.
            for (int i = 0;
                    i < 500 && (made.stream().anyMatch(m -> m.get() != null) || reports.size() < (oneExpected ? 1 : 0));
                    i++) {
                System.gc();
                Thread.sleep(10);
            }
            assertTrue(made.stream().allMatch(m -> m.get() == null), "the coroutines were not collected");
            // A round trip through the loop, for any report handed to it meanwhile.
            loop.run(new Driven<>(in -> Driven.end(null))).get(30, TimeUnit.SECONDS);
        }
        return new ArrayList<>(reports);
    }

    @Test
    void aCoroutineCreatedByATaskAndDroppedIsReportedWithItsNameAndItsCreator() throws Exception {
        assertEquals(
                List.of("generator dev.generators.loop.NeverAwaitedTest.fetch was never awaited: task of generator"
                        + " dev.generators.loop.NeverAwaitedTest.main created it, and it was neither yielded with"
                        + " Yield.all nor spawned"),
                reportsOf(dropped -> {}, true));
    }

    @Test
    void aCoroutineAwaitedSpawnedDrivenByHandOrClosedIsNeverReported() throws Exception {
        List<Consumer<Coroutine<Object, Object, String>>> uses = List.of(
                Async::spawn, Coroutine::next, coroutine -> coroutine.send(null), Coroutine::close, coroutine -> {
                    try {
                        coroutine.raise(new IllegalArgumentException());
                    } catch (IllegalArgumentException expected) {
                        // raised before the start: it ends without running
                    }
                });
        for (Consumer<Coroutine<Object, Object, String>> use : uses) {
            assertEquals(List.of(), reportsOf(use, false));
        }
    }

    @Test
    void aCoroutineCreatedOffTheLoopIsNotWatched() throws Exception {
        List<String> reports = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.start()) {
            loop.execute(() -> loop.setExceptionHandler((context, thrown) -> reports.add(context)));
            WeakReference<Coroutine<?, ?, ?>> dropped = new WeakReference<>(fetch());
            for (int i = 0; i < 500 && dropped.get() != null; i++) {
                System.gc();
                Thread.sleep(10);
            }
            assertNull(dropped.get(), "the coroutine was not collected");
            loop.run(new Driven<>(in -> Driven.end(null))).get(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of(), reports);
    }
}
