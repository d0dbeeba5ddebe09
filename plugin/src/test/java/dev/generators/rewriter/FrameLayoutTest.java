package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

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
            assertFalse(layout.yieldsSavedLocal, "n is dead after the yield: no yield saves it");
            assertEquals(List.of(), layout.clearedAtStart, "an int holds nothing reachable");
        }
    }

    @Test
    void aPrimitiveLocalEveryYieldYieldsAndSavesIsTakenFromItsOwnFieldWithoutYielded() throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            FrameLayout layout = Samples.prepare(Samples.range(), hierarchy).layout();

            FrameLayout.Field n = new FrameLayout.Field("n", "I");
            FrameLayout.Field i = new FrameLayout.Field("i", "I");
            assertEquals(List.of(n, i), layout.fields(), "no yielded$");
            assertEquals(i, layout.yielded);
            assertTrue(layout.yieldsSavedLocal);
            assertEquals(
                    List.of(new FrameLayout.Spill(0, n, false), new FrameLayout.Spill(1, i, true)),
                    layout.suspensions.values().iterator().next().locals());
        }
    }

    @Test
    void aYieldOfAnExpressionOfALocalKeepsTheValueInYielded() throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            MethodNode method = Samples.range();
            AbstractInsnNode valueOf = Arrays.stream(method.instructions.toArray())
                    .filter(insn -> insn instanceof MethodInsnNode call && call.name.equals("valueOf"))
                    .findFirst()
                    .orElseThrow();
            method.instructions.insertBefore(valueOf, new InsnNode(Opcodes.ICONST_1));
            method.instructions.insertBefore(valueOf, new InsnNode(Opcodes.IADD)); // Yield.value(i + 1)

            FrameLayout layout = Samples.prepare(method, hierarchy).layout();

            FrameLayout.Field yielded = new FrameLayout.Field("yielded$", "I");
            assertEquals(
                    List.of(new FrameLayout.Field("n", "I"), new FrameLayout.Field("i", "I"), yielded),
                    layout.fields());
            assertEquals(yielded, layout.yielded);
            assertFalse(layout.yieldsSavedLocal);
        }
    }
}
