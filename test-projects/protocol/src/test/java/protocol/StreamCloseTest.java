package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A generator declared to return {@code Stream}: closing the stream closes the generator. */
class StreamCloseTest {

    @Generator
    static Stream<Integer> naturals(List<String> log) {
        try {
            for (int i = 0; ; i++) {
                log.add("made " + i);
                Yield.value(i);
            }
        } finally {
            log.add("finally");
        }
    }

    @Test
    void closingTheStreamClosesTheGeneratorSoItsFinallyRuns() {
        List<String> log = new ArrayList<>();
        Stream<Integer> numbers = naturals(log);
        Iterator<Integer> it = numbers.iterator();
        assertEquals(0, it.next());
        assertEquals(1, it.next());
        assertEquals(List.of("made 0", "made 1"), log);
        numbers.close();
        assertEquals(List.of("made 0", "made 1", "finally"), log);
    }

    @Test
    void aLimitedStreamReadsNoFurtherAheadAndClosingItRunsTheFinally() {
        List<String> log = new ArrayList<>();
        try (Stream<Integer> numbers = naturals(log).limit(3)) {
            assertEquals(List.of(0, 1, 2), numbers.collect(Collectors.toList()));
            assertEquals(List.of("made 0", "made 1", "made 2"), log, "nothing read past the third element");
        }
        assertEquals(List.of("made 0", "made 1", "made 2", "finally"), log);
    }

    @Test
    void closingAStreamBeforeItIsReadRunsNothing() {
        List<String> log = new ArrayList<>();
        Stream<Integer> numbers = naturals(log);
        numbers.close();
        assertEquals(List.of(), log, "close before start runs no finally");
    }

    @Test
    void closingTheStreamTwiceRunsTheFinallyOnce() {
        List<String> log = new ArrayList<>();
        Stream<Integer> numbers = naturals(log).filter(n -> n % 2 == 1);
        assertEquals(5, numbers.iterator().next() + 4);
        numbers.close();
        numbers.close();
        assertEquals(1, log.stream().filter("finally"::equals).count());
        assertTrue(log.contains("made 1"));
    }
}
