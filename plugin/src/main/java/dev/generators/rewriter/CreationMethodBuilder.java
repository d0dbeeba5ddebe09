package dev.generators.rewriter;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Gives the {@code @Generator} method, whose code {@link GeneratorBody} took out, the creation of
 * its generator, on the line the body started on, and marks it rewritten:
 *
 * <pre>
 * before:  (no code)
 * after:   NEW Fib$fibonacci$Generator; DUP; ILOAD count; INVOKESPECIAL &lt;init&gt;(I)V; ARETURN
 *          (a Stream generator calls asStream() on it before the ARETURN, a Coroutine one
 * coroutineCreated())
 *          &#64;Rewritten("example.Fib$fibonacci$Generator") &#64;Generated
 * </pre>
 *
 * Every parameter keeps its local variable entry, also those the frame does not keep.
 */
final class CreationMethodBuilder {

    private CreationMethodBuilder() {}

    /** Writes the code of {@code method}, in place. */
    static void build(
            MethodNode method, GeneratorBody body, String generatorClass, GeneratorKind kind, FrameLayout layout) {
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        InsnList code = new InsnList();
        code.add(start);
        if (body.firstLine() > 0) {
            code.add(new LineNumberNode(body.firstLine(), start));
        }
        code.add(new TypeInsnNode(NEW, generatorClass));
        code.add(new InsnNode(DUP));
        for (FrameLayout.Argument argument : layout.arguments) {
            code.add(new VarInsnNode(argument.field().type().getOpcode(ILOAD), argument.slot()));
        }
        code.add(new MethodInsnNode(
                INVOKESPECIAL, generatorClass, "<init>", GeneratorClassBuilder.constructorDescriptor(layout), false));
        if (kind == GeneratorKind.STREAM) {
            code.add(new MethodInsnNode(
                    INVOKEVIRTUAL,
                    RuntimeNames.STATE_MACHINE,
                    RuntimeNames.AS_STREAM,
                    RuntimeNames.AS_STREAM_DESC,
                    false));
        } else if (kind == GeneratorKind.COROUTINE) {
            // For the runtime's watcher: the event loop reports a coroutine never awaited.
            code.add(new MethodInsnNode(
                    INVOKEVIRTUAL,
                    RuntimeNames.STATE_MACHINE,
                    RuntimeNames.COROUTINE_CREATED,
                    RuntimeNames.COROUTINE_CREATED_DESC,
                    false));
        }
        code.add(new InsnNode(ARETURN));
        code.add(end);

        List<LocalVariableNode> parameters = new ArrayList<>();
        for (LocalVariableNode variable : body.parameterEntries()) {
            parameters.add(new LocalVariableNode(
                    variable.name, variable.desc, variable.signature, start, end, variable.index));
        }
        method.instructions = code;
        method.tryCatchBlocks = new ArrayList<>();
        method.localVariables = parameters;
        method.visibleLocalVariableAnnotations = null;
        method.invisibleLocalVariableAnnotations = null;

        AnnotationNode rewritten = new AnnotationNode(RuntimeNames.REWRITTEN);
        rewritten.values = List.of("value", Type.getObjectType(generatorClass).getClassName());
        if (method.invisibleAnnotations == null) {
            method.invisibleAnnotations = new ArrayList<>();
        }
        method.invisibleAnnotations.add(rewritten);
        // The creation of the generator is code of ours: coverage tools leave out a method annotated
        // with a "...Generated" annotation of class retention (JaCoCo's AnnotationGeneratedFilter).
        method.invisibleAnnotations.add(new AnnotationNode(RuntimeNames.GENERATED));
    }
}
