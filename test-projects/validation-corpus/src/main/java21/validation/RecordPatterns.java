package validation;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.List;

/**
 * Java 21 source: record patterns in a switch and in instanceof, their bindings live across
 * yields. javac guards every record accessor call with one shared handler that throws
 * MatchException, so the handler is reached from several ranges with different locals.
 */
public final class RecordPatterns {

    private RecordPatterns() {
    }

    public sealed interface Figure permits Circle, Rect, Group {
    }

    public record Point(int x, int y) {
    }

    public record Circle(Point center, int radius) implements Figure {
    }

    public record Rect(Point topLeft, Point bottomRight) implements Figure {
    }

    public record Group(List<Figure> members) implements Figure {
    }

    /** An exhaustive switch over a sealed interface with nested record patterns. */
    @Generator
    public static Iterable<String> describe(List<Figure> figures) {
        for (Figure f : figures) {
            switch (f) {
                case Circle(Point(var x, var y), int r) when r == 0 -> Yield.value("dot at " + x + "," + y);
                case Circle(Point c, int r) -> {
                    Yield.value("circle r=" + r);
                    Yield.value("center " + c.x() + "," + c.y());
                }
                case Rect(Point(int x1, int y1), Point(int x2, int y2)) -> Yield.value("rect " + (x2 - x1) * (y2 - y1));
                case Group(List<Figure> members) -> {
                    Yield.value("group of " + members.size());
                    Yield.all(describe(members));
                    Yield.value("end of group of " + members.size());
                }
            }
        }
        return Yield.done();
    }

    /** Record patterns in instanceof, their bindings live across yields. */
    @Generator
    public static Iterable<String> diagonal(List<Object> items) {
        for (Object o : items) {
            if (o instanceof Point(int x, int y) && x == y) {
                Yield.value("on the diagonal");
                Yield.value("at " + x);
            } else if (o instanceof Circle(Point(int x, int y), int r)) {
                Yield.value("circle " + x + y + r);
            }
        }
        return Yield.done();
    }
}
