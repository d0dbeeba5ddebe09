package dev.generators.rewriter;

import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ASM9;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The code of a {@code @Generator} method, taken out of its declaration: the code goes on to
 * become the resume method ({@link ResumeMethodBuilder}), and the declaration, left without code,
 * gets the creation of the generator ({@link CreationMethodBuilder}). The two share nothing.
 *
 * <pre>
 * before:  fibonacci(I)Ljava/lang/Iterable;  { ...the body... }
 * after:   fibonacci(I)Ljava/lang/Iterable;  { }            (the declaration)
 *          code: fibonacci(I)Ljava/lang/Iterable; { ...the body... }   (analysed as the method it was)
 * </pre>
 *
 * @param code the body, as a method of the same access, name and descriptor
 * @param firstLine the body's first source line, 0 if unknown
 * @param parameterEntries the local variable table's entries of the parameters (by slot, the
 *     receiver first), which the creation method keeps
 * @param frameSlot a local slot the body does not use, to hold the generator object in the resume
 *     method; the next holds the value being yielded, and the slots after are free
 */
record GeneratorBody(MethodNode code, int firstLine, List<LocalVariableNode> parameterEntries, int frameSlot) {

    GeneratorBody {
        parameterEntries = List.copyOf(parameterEntries);
    }

    /** Moves the code out of {@code method}, which keeps its declaration (name, annotations, parameters). */
    static GeneratorBody takenFrom(MethodNode method) {
        MethodNode code = new MethodNode(ASM9, method.access, method.name, method.desc, null, null);
        code.instructions = method.instructions;
        code.tryCatchBlocks = method.tryCatchBlocks;
        code.localVariables = method.localVariables;
        code.visibleLocalVariableAnnotations = method.visibleLocalVariableAnnotations;
        code.invisibleLocalVariableAnnotations = method.invisibleLocalVariableAnnotations;
        code.parameters = method.parameters;
        code.maxLocals = method.maxLocals;
        code.maxStack = method.maxStack;
        GeneratorBody body =
                new GeneratorBody(code, ClassPlace.firstLine(method), parameterEntries(method), method.maxLocals);
        method.instructions = new InsnList();
        method.tryCatchBlocks = new ArrayList<>();
        method.localVariables = null;
        method.visibleLocalVariableAnnotations = null;
        method.invisibleLocalVariableAnnotations = null;
        return body;
    }

    /** The slot that holds the value being yielded, in the resume method. */
    int valueSlot() {
        return frameSlot + 1;
    }

    /** The first slot free for temporaries ({@link NewMover}). */
    int firstFreeSlot() {
        return frameSlot + 2;
    }

    /** The number of slots the arguments take, the receiver included. */
    static int argumentSlots(MethodNode method) {
        return (Type.getArgumentsAndReturnSizes(method.desc) >> 2) - ((method.access & ACC_STATIC) != 0 ? 1 : 0);
    }

    private static List<LocalVariableNode> parameterEntries(MethodNode method) {
        List<LocalVariableNode> entries = new ArrayList<>();
        if (method.localVariables != null) {
            int argumentSlots = argumentSlots(method);
            for (int slot = 0; slot < argumentSlots; slot++) {
                for (LocalVariableNode variable : method.localVariables) {
                    if (variable.index == slot && entries.stream().noneMatch(e -> e.index == variable.index)) {
                        entries.add(variable);
                    }
                }
            }
        }
        return entries;
    }
}
