package example;

import dev.generators.Generator;
import dev.generators.Yield;

public class Warned {

    @Generator
    static Iterable<Long> upTo(int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(i);
        }
        return Yield.done();
    }
}
