package coverage;

import dev.generators.Generator;
import dev.generators.Yield;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.AbstractMap.SimpleEntry;
import java.util.Iterator;

/**
 * More shapes, with what JaCoCo must report of each line beside it, as in Generators. The lines
 * of try-with-resources and of a constructor call around a yield are javac's, with its branches
 * filtered by JaCoCo as for any method.
 */
final class More {

    private More() {
    }

    /** try-with-resources around yields, every line run. */
    @Generator
    static Iterator<String> lines(String text) throws IOException {
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) { // assertFullyCovered()
            String line;
            while ((line = reader.readLine()) != null) { // assertFullyCovered(0, 2)
                Yield.value(line);                      // assertFullyCovered()
            }
        }
        return Yield.done();                            // assertFullyCovered()
    }

    /** A yield inside a constructor call and a do-while loop with a labelled continue. */
    @Generator
    static Iterator<Object> pairs(int n) {
        int i = 0;                                      // assertFullyCovered()
        outer:
        do {
            if (i % 3 == 2) {                           // assertFullyCovered(0, 2)
                i++;                                    // assertFullyCovered()
                continue outer;                         // assertFullyCovered()
            }
            Yield.value(new SimpleEntry<>(i, Yield.value(i))); // assertFullyCovered()
            i++;                                        // assertFullyCovered()
        } while (i < n);                                // assertFullyCovered(0, 2)
        return Yield.done();                            // assertFullyCovered()
    }

    /** A default method of an interface. */
    interface Counter {
        int start();

        @Generator
        default Iterator<Integer> upTo(int end) {
            for (int i = start(); i < end; i++) {       // assertFullyCovered(0, 2)
                Yield.value(i);                         // assertFullyCovered()
            }
            return Yield.done();                        // assertFullyCovered()
        }
    }
}
