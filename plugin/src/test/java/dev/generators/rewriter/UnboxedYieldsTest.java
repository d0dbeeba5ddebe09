package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

class UnboxedYieldsTest {

    private static SuspensionPoints points(MethodNode method) throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            return SuspensionPoints.of(method, MethodAnalysis.of(Samples.OWNER, method, hierarchy));
        }
    }

    @Test
    void yieldsOfOneBoxedPrimitiveTypeAreFoundWithTheCallThatBoxesEach() throws Exception {
        MethodNode method = Samples.count(); // ILOAD 0; INVOKESTATIC Integer.valueOf; INVOKESTATIC Yield.value
        SuspensionPoints points = points(method);

        UnboxedYields unboxed = UnboxedYields.of(points);

        assertEquals(new UnboxedYields.Boxing(Type.INT_TYPE, "java/lang/Integer"), unboxed.boxing());
        MethodInsnNode yield = points.calls().get(0);
        AbstractInsnNode valueOf = yield.getPrevious();
        assertEquals(Opcodes.INVOKESTATIC, valueOf.getOpcode());
        assertEquals(Map.of(yield, valueOf), unboxed.boxingCalls());
        assertSame(valueOf, unboxed.boxingCalls().get(yield));
    }

    @Test
    void yieldsOfReferencesAreKeptBoxed() throws Exception {
        UnboxedYields unboxed = UnboxedYields.of(points(Samples.echo()));

        assertNull(unboxed.boxing());
        assertEquals(Map.of(), unboxed.boxingCalls());
    }

    @Test
    void aLocalLoadedJustBeforeTheBoxingIsRecordedAsWhatTheYieldYields() throws Exception {
        MethodNode method = Samples.range(); // ILOAD 1; INVOKESTATIC Integer.valueOf; INVOKESTATIC Yield.value
        SuspensionPoints points = points(method);

        UnboxedYields unboxed = UnboxedYields.of(points);

        MethodInsnNode yield = points.calls().get(0);
        VarInsnNode load = unboxed.loads().get(yield);
        assertSame(unboxed.boxingCalls().get(yield).getPrevious(), load);
        assertEquals(Opcodes.ILOAD, load.getOpcode());
        assertEquals(1, load.var, "i");
    }

    @Test
    void aValueComputedBeforeTheBoxingIsNoLoadOfALocal() throws Exception {
        MethodNode method = Samples.range();
        SuspensionPoints before = points(method);
        MethodInsnNode valueOf = (MethodInsnNode) before.calls().get(0).getPrevious();
        method.instructions.insertBefore(valueOf, new InsnNode(Opcodes.ICONST_1));
        method.instructions.insertBefore(valueOf, new InsnNode(Opcodes.IADD)); // Yield.value(i + 1)

        UnboxedYields unboxed = UnboxedYields.of(points(method));

        assertEquals(new UnboxedYields.Boxing(Type.INT_TYPE, "java/lang/Integer"), unboxed.boxing());
        assertEquals(Map.of(), unboxed.loads());
    }
}
