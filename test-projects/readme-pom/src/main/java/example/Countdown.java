package example;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;

public class Countdown {
    @Generator
    public static Iterator<Integer> from(int n) {
        while (n > 0) {
            Yield.value(n--);
        }
        return Yield.done();
    }
}
