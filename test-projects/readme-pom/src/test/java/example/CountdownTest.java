package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountdownTest {
    @Test
    void countsDownToOne() {
        List<Integer> seen = new ArrayList<>();
        Countdown.from(3).forEachRemaining(seen::add);
        assertEquals(List.of(3, 2, 1), seen);
    }
}
