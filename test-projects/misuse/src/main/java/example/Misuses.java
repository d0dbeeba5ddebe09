package example;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;
import java.util.List;

public class Misuses {

    private final Object lock = new Object();

    @Generator
    Iterator<Integer> yieldsWhileLocked() {
        synchronized (lock) {
            Yield.value(1);
        }
        return Yield.done();
    }

    @Generator
    static Iterator<Integer> yieldsInALambda(List<Integer> xs) {
        xs.forEach(x -> Yield.value(x));
        return Yield.done();
    }

    @Generator
    static List<Integer> returnsAList() {
        Yield.value(1);
        return Yield.done();
    }

    @Generator
    static Iterator<Integer> fine() {
        Yield.value(1);
        return Yield.done();
    }
}
