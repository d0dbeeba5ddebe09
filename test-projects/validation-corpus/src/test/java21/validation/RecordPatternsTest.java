package validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static validation.Collect.list;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordPatternsTest {

    @Test
    void recordPatternsInASwitch() {
        RecordPatterns.Point p = new RecordPatterns.Point(1, 2);
        List<RecordPatterns.Figure> figures = List.of(
                new RecordPatterns.Circle(p, 0),
                new RecordPatterns.Circle(p, 3),
                new RecordPatterns.Group(List.of(new RecordPatterns.Rect(new RecordPatterns.Point(0, 0), new RecordPatterns.Point(2, 3)))),
                new RecordPatterns.Rect(p, new RecordPatterns.Point(4, 4)));
        assertEquals(List.of("dot at 1,2", "circle r=3", "center 1,2", "group of 1", "rect 6", "end of group of 1", "rect 6"),
                list(RecordPatterns.describe(figures)));
    }

    @Test
    void recordPatternsInInstanceof() {
        assertEquals(List.of("on the diagonal", "at 3", "circle 125"),
                list(RecordPatterns.diagonal(List.of(new RecordPatterns.Point(3, 3), new RecordPatterns.Point(1, 2), "x",
                        new RecordPatterns.Circle(new RecordPatterns.Point(1, 2), 5)))));
    }
}
