package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Every analysis ends: within its bound, or with a refusal that names where it stopped. */
class MethodAnalysisBoundTest {

    private static final String SOURCE = """
            class Loops {
                static int count;
                static void locked(Object lock, String s) {
                    while (count < 2) {
                        try {
                            s.length();
                            synchronized (lock) { count++; }
                        } catch (RuntimeException e) {
                        }
                    }
                    s.length();
                }
            }
            """;

    private static MethodNode method() {
        ClassNode node = new ClassNode();
        new ClassReader(Compiler.compile(SOURCE).get("Loops")).accept(node, 0);
        return node.methods.stream()
                .filter(m -> m.name.equals("locked"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aLockInATryInALoopIsHeldOnlyInsideItsBlock() throws Exception {
        MethodNode method = method();
        MethodAnalysis analysis = MethodAnalysis.of("Loops", method, ClassHierarchy.of(List.of()));
        int held = 0;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() == Opcodes.INVOKEVIRTUAL) {
                assertEquals(0, analysis.monitorsBefore(insn), "no monitor is held at s.length()");
            }
            if (insn.getOpcode() == Opcodes.PUTSTATIC) {
                assertEquals(1, analysis.monitorsBefore(insn), "one is at count++");
                held++;
            }
        }
        assertEquals(1, held);
    }

    @Test
    void anAnalysisOverItsBoundStopsNamingTheInstruction() {
        MethodNode method = method();
        MethodAnalysis.TooHard tooHard = assertThrows(
                MethodAnalysis.TooHard.class,
                () -> MethodAnalysis.of("Loops", method, ClassHierarchy.of(List.of()), 1));
        assertTrue(tooHard.getMessage().contains("within its bound (1 steps per instruction"), tooHard::getMessage);
        assertTrue(tooHard.instruction >= 0 && tooHard.instruction < method.instructions.size());
    }
}
