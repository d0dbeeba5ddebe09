package coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs every line of More. */
class MoreTest {

    private static <T> List<T> all(Iterator<T> iterator) {
        List<T> values = new ArrayList<>();
        iterator.forEachRemaining(values::add);
        return values;
    }

    @Test
    void linesReadsEveryLine() throws IOException {
        assertEquals(List.of("a", "b"), all(More.lines("a\nb")));
    }

    @Test
    void pairsSkipsEveryThirdNumber() {
        assertEquals(
                List.of(0, new SimpleEntry<>(0, null), 1, new SimpleEntry<>(1, null), 3, new SimpleEntry<>(3, null)),
                all(More.pairs(4)));
    }

    @Test
    void aDefaultMethodCounts() {
        More.Counter counter = () -> 2;
        assertEquals(List.of(2, 3), all(counter.upTo(4)));
    }
}
