package dev.generators.rewriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * Moves each {@code NEW} whose object is still unconstructed at a yield down to its constructor
 * call, because an unconstructed object cannot be stored in a field across the suspension.
 *
 * <pre>
 * new Foo(a, Yield.value(b))
 *
 * before:  NEW Foo; DUP; ALOAD a; ...yield...; INVOKESPECIAL Foo.&lt;init&gt;(A, Object)
 * after:   [initialize Foo]; ALOAD a; ...yield...; ASTORE t2; ASTORE t1;
 *          NEW Foo; DUP; ALOAD t1; ALOAD t2; INVOKESPECIAL Foo.&lt;init&gt;(A, Object)
 * </pre>
 *
 * javac sometimes spills the stack into locals with the unconstructed object in it (a switch
 * expression holding a try block among a constructor's arguments): the stores and loads of it go
 * too, and the {@code NEW} comes back where it was loaded, at the constructor call.
 *
 * <pre>
 * new P("x", switch (k) { case 1 -&gt; { try { yield Yield.value(a); } ... } ... })
 *
 * before:  NEW P; DUP; LDC "x"; ASTORE 2; ASTORE 3; ASTORE 4; ...yield...; ASTORE 5;
 *          ALOAD 4; ALOAD 3; ALOAD 2; ALOAD 5; INVOKESPECIAL P.&lt;init&gt;(Object, Object)
 * after:   LDC "x"; ASTORE 2; ...yield...; ASTORE 5; ALOAD 2; ALOAD 5; ASTORE t2; ASTORE t1;
 *          NEW P; DUP; ALOAD t1; ALOAD t2; INVOKESPECIAL P.&lt;init&gt;(Object, Object)
 * </pre>
 *
 * {@code NEW} initializes the class, so where the class may have a static initializer the old
 * place keeps a {@code Class.forName(name, true, loader)}: classes initialize in the original
 * order.
 */
final class NewMover {

    /**
     * What the pass did.
     *
     * @param changedCode whether it moved anything: the analysis made before no longer fits the code
     * @param nextFreeSlot the first local slot still free afterwards
     */
    record Moved(boolean changedCode, int nextFreeSlot) {}

    private NewMover() {}

    /**
     * Moves the {@code NEW}s of {@code method} in place.
     *
     * @param analysis the analysis of {@code method} as it is before the pass
     * @param firstTemp the first local slot free for the constructor's arguments
     */
    static Moved apply(
            String owner, MethodNode method, MethodAnalysis analysis, ClassHierarchy hierarchy, int firstTemp) {
        Map<TypeInsnNode, List<MethodInsnNode>> moved = new LinkedHashMap<>();
        for (AbstractInsnNode insn : method.instructions) {
            YieldCall call = YieldCall.of(insn);
            TypedFrame frame = analysis.frame(insn);
            if (call == null || !call.suspends() || frame == null) {
                continue;
            }
            for (int i = 0; i < frame.getStackSize(); i++) {
                if (frame.getStack(i) instanceof TypeInterpreter.Uninitialized value) {
                    moved.putIfAbsent(value.creation, new ArrayList<>());
                }
            }
            for (int i = 0; i < frame.getLocals(); i++) {
                if (frame.getLocal(i) instanceof TypeInterpreter.Uninitialized value) {
                    moved.putIfAbsent(value.creation, new ArrayList<>());
                }
            }
        }
        if (moved.isEmpty()) {
            return new Moved(false, firstTemp);
        }
        // Where javac spills the stack into locals (a switch expression holding a try block among a
        // constructor's arguments), it stores the unconstructed object and loads it back before the
        // call: those stores and loads go with the NEW.
        List<AbstractInsnNode> spills = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            TypedFrame frame = analysis.frame(insn);
            if (frame == null) {
                continue;
            }
            if (insn.getOpcode() == Opcodes.INVOKESPECIAL && "<init>".equals(((MethodInsnNode) insn).name)) {
                int arguments = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
                BasicValue receiver = frame.getStack(frame.getStackSize() - arguments - 1);
                if (receiver instanceof TypeInterpreter.Uninitialized value && moved.containsKey(value.creation)) {
                    moved.get(value.creation).add((MethodInsnNode) insn);
                }
            } else if (insn.getOpcode() == Opcodes.ASTORE
                    && frame.getStack(frame.getStackSize() - 1) instanceof TypeInterpreter.Uninitialized value
                    && moved.containsKey(value.creation)) {
                spills.add(insn);
            } else if (insn.getOpcode() == Opcodes.ALOAD
                    && frame.getLocal(((VarInsnNode) insn).var) instanceof TypeInterpreter.Uninitialized value
                    && moved.containsKey(value.creation)) {
                spills.add(insn);
            }
        }
        spills.forEach(method.instructions::remove);
        int nextTemp = firstTemp;
        for (Map.Entry<TypeInsnNode, List<MethodInsnNode>> entry : moved.entrySet()) {
            TypeInsnNode creation = entry.getKey();
            AbstractInsnNode next = creation.getNext();
            boolean duplicated = next != null && next.getOpcode() == Opcodes.DUP;
            if (duplicated) {
                method.instructions.remove(next);
            }
            if (hierarchy.mayRunStaticInitializer(creation.desc)) {
                method.instructions.insertBefore(creation, initializeClass(owner, creation.desc));
            }
            method.instructions.remove(creation);
            for (MethodInsnNode constructor : entry.getValue()) {
                nextTemp = Math.max(
                        nextTemp, createBefore(method.instructions, constructor, creation.desc, duplicated, firstTemp));
            }
        }
        method.maxLocals = Math.max(method.maxLocals, nextTemp);
        method.maxStack += 2;
        return new Moved(true, nextTemp);
    }

    /** Stores the constructor's arguments, creates the object, and loads them back. */
    private static int createBefore(
            InsnList code, MethodInsnNode constructor, String type, boolean duplicated, int firstTemp) {
        Type[] arguments = Type.getArgumentTypes(constructor.desc);
        int[] slots = new int[arguments.length];
        int slot = firstTemp;
        for (int i = 0; i < arguments.length; i++) {
            slots[i] = slot;
            slot += arguments[i].getSize();
        }
        InsnList around = new InsnList();
        for (int i = arguments.length - 1; i >= 0; i--) {
            around.add(new VarInsnNode(arguments[i].getOpcode(Opcodes.ISTORE), slots[i]));
        }
        around.add(new TypeInsnNode(Opcodes.NEW, type));
        if (duplicated) {
            around.add(new InsnNode(Opcodes.DUP));
        }
        for (int i = 0; i < arguments.length; i++) {
            around.add(new VarInsnNode(arguments[i].getOpcode(Opcodes.ILOAD), slots[i]));
        }
        code.insertBefore(constructor, around);
        return slot;
    }

    private static InsnList initializeClass(String owner, String type) {
        InsnList code = new InsnList();
        code.add(new LdcInsnNode(Type.getObjectType(type).getClassName()));
        code.add(new InsnNode(Opcodes.ICONST_1));
        code.add(new LdcInsnNode(Type.getObjectType(owner)));
        code.add(new MethodInsnNode(
                Opcodes.INVOKEVIRTUAL, "java/lang/Class", "getClassLoader", "()Ljava/lang/ClassLoader;", false));
        code.add(new MethodInsnNode(
                Opcodes.INVOKESTATIC,
                "java/lang/Class",
                "forName",
                "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;",
                false));
        code.add(new InsnNode(Opcodes.POP));
        return code;
    }
}
