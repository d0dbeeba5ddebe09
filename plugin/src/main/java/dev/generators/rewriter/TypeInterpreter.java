package dev.generators.rewriter;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * The types of a method's locals and stack, for the rewriter's analysis: the verifier's types,
 * but checking nothing (javac did), and marking the object a {@code NEW} made until its
 * constructor runs, because such a value cannot be stored across a yield.
 */
final class TypeInterpreter extends HierarchyVerifier {

    /** The result of one {@code NEW}, before its constructor has run. Equal only to itself. */
    static final class Uninitialized extends BasicValue {
        final TypeInsnNode creation;

        Uninitialized(TypeInsnNode creation) {
            super(Type.getObjectType(creation.desc));
            this.creation = creation;
        }

        @Override
        public boolean equals(Object other) {
            return other == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /**
     * One value per {@code NEW}: the analyzer executes an instruction again whenever its frame
     * changes, and the values it made before must still merge with the new ones.
     */
    private final Map<TypeInsnNode, Uninitialized> created = new HashMap<>();

    TypeInterpreter(ClassHierarchy hierarchy) {
        super(hierarchy);
    }

    @Override
    public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.NEW) {
            return created.computeIfAbsent((TypeInsnNode) insn, Uninitialized::new);
        }
        return super.newOperation(insn);
    }

    private static boolean isMergedByHierarchy(Type type) {
        return type != null && isReference(type) && !type.equals(BasicInterpreter.NULL_TYPE);
    }

    @Override
    protected boolean isSubTypeOf(BasicValue value, BasicValue expected) {
        return true;
    }

    @Override
    public BasicValue merge(BasicValue a, BasicValue b) {
        if (a instanceof Uninitialized || b instanceof Uninitialized) {
            return a.equals(b) ? a : BasicValue.UNINITIALIZED_VALUE;
        }
        if (!a.equals(b) && isMergedByHierarchy(a.getType()) && isMergedByHierarchy(b.getType())) {
            // The merged type may become a field's type or a frame's: no guessing.
            hierarchy.requireKnown(a.getType().getInternalName());
            hierarchy.requireKnown(b.getType().getInternalName());
        }
        return super.merge(a, b);
    }
}
