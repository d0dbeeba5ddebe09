package example;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;

public class Words {

    @Generator
    public static Iterator<String> split(String text) {
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                if (i > start) {
                    Yield.value(text.substring(start, i));
                }
                start = i + 1;
            }
        }
        return Yield.done();
    }

    /** Sums what is sent to it until it is sent null, then returns the total. */
    @Generator
    public static Coroutine<Integer, Integer, Integer> adder() {
        int total = 0;
        for (Integer n = Yield.value(total); n != null; n = Yield.value(total)) {
            total += n;
        }
        return Yield.done(total);
    }
}
