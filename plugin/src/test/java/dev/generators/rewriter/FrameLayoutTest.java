package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameLayoutTest {

    @Test
    void anArgumentReadOnlyBeforeTheFirstYieldIsKeptUntilTheStartAndClearedThere() throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            FrameLayout layout = Samples.prepare(Samples.echo(), hierarchy).layout();

            FrameLayout.Field a = new FrameLayout.Field("a", "Ljava/lang/Object;");
            assertEquals(List.of(a), layout.fields(), "b is dead at both yields: no field");
            assertEquals(List.of(new FrameLayout.Argument(0, a)), layout.arguments);
            assertEquals(List.of(a), layout.clearedAtStart, "no yield restores a");
            assertEquals(
                    List.of(
                            new FrameLayout.Suspension(1, "value", 10, List.of(), List.of(), List.of()),
                            new FrameLayout.Suspension(2, "value", 11, List.of(), List.of(), List.of())),
                    List.copyOf(layout.suspensions.values()));
            assertNull(layout.yielded);
            assertFalse(layout.delegates);
        }
    }

    @Test
    void yieldsOfOneBoxedPrimitiveGetAFieldOfThatPrimitiveAfterEveryOther() throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            FrameLayout layout = Samples.prepare(Samples.count(), hierarchy).layout();

            FrameLayout.Field yielded = new FrameLayout.Field("yielded$", "I");
            assertEquals(List.of(new FrameLayout.Field("arg0", "I"), yielded), layout.fields());
            assertEquals(yielded, layout.yielded);
            assertEquals(List.of(), layout.clearedAtStart, "an int holds nothing reachable");
        }
    }
}
