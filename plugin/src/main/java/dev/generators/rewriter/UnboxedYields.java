package dev.generators.rewriter;

import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Finds the generators whose every suspension is a {@code Yield.value} of a primitive that javac
 * boxed, all of one type, and no {@code Yield.all}: {@code Yield.value(i)} for an {@code int i}
 * compiles to
 *
 * <pre>
 * ILOAD i; INVOKESTATIC java/lang/Integer.valueOf (I)Ljava/lang/Integer;; INVOKESTATIC Yield.value
 * </pre>
 *
 * For those, the body leaves out the {@code valueOf}, keeps the primitive in a field of the
 * frame, {@code yielded$}, and returns null; the generator class overrides
 * {@code StateMachine.valueYielded} to box the field when the consumer takes the value:
 *
 * <pre>
 * ILOAD i; ALOAD g; SWAP; PUTFIELD yielded$ I; ...save the frame...; ACONST_NULL; ARETURN
 * protected final Object valueYielded(Object returned) { return Integer.valueOf(yielded$); }
 * </pre>
 *
 * The values are the same boxes, made by the same {@code valueOf}. What changes is where: in
 * {@code next()}, right before the consumer unboxes it, as in a hand-written iterator, where C2
 * removes the box. A box made in the body travels through the body's return, which merges the
 * yield with the body's other exits, and through an {@code Object} field; C2 keeps it, and the
 * consumer's loop runs at half the speed.
 *
 * <p>Where the value boxed is a plain load of a local, the instruction just before the
 * {@code valueOf}, this records the load too: {@link FrameLayout} then does without
 * {@code yielded$} if every yield yields a local it saves anyway, in one field, and the body
 * leaves out the load as well (see there).
 */
record UnboxedYields(
        UnboxedYields.Boxing boxing,
        Map<MethodInsnNode, MethodInsnNode> boxingCalls,
        Map<MethodInsnNode, VarInsnNode> loads) {

    /** What a generator's yields box: the primitive type, and the class whose {@code valueOf} boxes it. */
    record Boxing(Type primitive, String box) {
        String valueOfDescriptor() {
            return "(" + primitive.getDescriptor() + ")L" + box + ";";
        }
    }

    private static final Map<String, Type> BOXES = Map.of(
            "java/lang/Integer", Type.INT_TYPE,
            "java/lang/Long", Type.LONG_TYPE,
            "java/lang/Double", Type.DOUBLE_TYPE,
            "java/lang/Float", Type.FLOAT_TYPE,
            "java/lang/Short", Type.SHORT_TYPE,
            "java/lang/Byte", Type.BYTE_TYPE,
            "java/lang/Character", Type.CHAR_TYPE,
            "java/lang/Boolean", Type.BOOLEAN_TYPE);

    /** The yields are kept as they are: some yield is no boxed primitive, or not all of one type. */
    private static final UnboxedYields BOXED = new UnboxedYields(null, Map.of(), Map.of());

    /**
     * @param boxing what every yield boxes, or null where they are kept boxed
     * @param boxingCalls each yield's {@code valueOf} call, which the resume method leaves out
     * @param loads each yield's load of the local it boxes, for the yields whose value is one
     */
    UnboxedYields {
        boxingCalls = Collections.unmodifiableMap(new IdentityHashMap<>(boxingCalls));
        loads = Collections.unmodifiableMap(new IdentityHashMap<>(loads));
    }

    /**
     * @param points the reachable suspending {@code Yield} calls of a body
     * @return what they all box and where, or {@link #boxing()} null if some yield is not a boxed
     *     primitive of that one type, or the body delegates with {@code Yield.all}
     */
    static UnboxedYields of(SuspensionPoints points) {
        Boxing common = null;
        Map<MethodInsnNode, MethodInsnNode> calls = new IdentityHashMap<>();
        Map<MethodInsnNode, VarInsnNode> loads = new IdentityHashMap<>();
        for (MethodInsnNode call : points.calls()) {
            MethodInsnNode boxing = YieldCall.of(call) == YieldCall.VALUE ? boxingBefore(call) : null;
            if (boxing == null) {
                return BOXED;
            }
            Boxing this_ = new Boxing(BOXES.get(boxing.owner), boxing.owner);
            if (common != null && !common.equals(this_)) {
                return BOXED;
            }
            common = this_;
            calls.put(call, boxing);
            VarInsnNode load = loadBefore(boxing, this_.primitive());
            if (load != null) {
                loads.put(call, load);
            }
        }
        return common == null ? BOXED : new UnboxedYields(common, calls, loads);
    }

    /**
     * The load of a local of {@code primitive}'s kind that is the instruction just before
     * {@code valueOf}, with nothing between (no label another path could jump to): then the value
     * boxed is that local as it is at the yield, since nothing between the load and the yield can
     * store into it.
     */
    private static VarInsnNode loadBefore(MethodInsnNode valueOf, Type primitive) {
        AbstractInsnNode previous = valueOf.getPrevious();
        return previous instanceof VarInsnNode load && load.getOpcode() == primitive.getOpcode(ILOAD) ? load : null;
    }

    /**
     * The {@code valueOf} call that boxes what {@code yield} yields, if it is the instruction just
     * before: nothing, not even a label another path could jump to, stands between.
     */
    private static MethodInsnNode boxingBefore(MethodInsnNode yield) {
        AbstractInsnNode previous = yield.getPrevious();
        if (previous == null || previous.getOpcode() != INVOKESTATIC) {
            return null;
        }
        MethodInsnNode call = (MethodInsnNode) previous;
        Type primitive = BOXES.get(call.owner);
        if (primitive == null
                || !call.name.equals("valueOf")
                || !call.desc.equals("(" + primitive.getDescriptor() + ")L" + call.owner + ";")) {
            return null;
        }
        return call;
    }
}
