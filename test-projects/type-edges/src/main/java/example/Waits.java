package example;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Coroutine<?, ?, R> on the event loop: what a yield evaluates to is typed by the variable only. */
public final class Waits {

    private Waits() {
    }

    @Generator
    static Coroutine<?, ?, Long> square(long x) {
        Yield.value(Async.sleep(0));
        return Yield.done(x * x);
    }

    @Generator
    static Coroutine<?, ?, List<Long>> squares() {
        Task<Long> first = Async.spawn(square(3));
        Long four = Yield.value(CompletableFuture.completedFuture(4L));
        List<Long> both = Yield.value(Async.gather(square(1), square(2)));
        Long nine = Yield.value(first);
        Long sixteen = Yield.all(square(four));
        return Yield.done(List.of(both.get(0), both.get(1), nine, sixteen));
    }

    public static List<Long> run() {
        return EventLoop.runUntilComplete(squares());
    }
}
