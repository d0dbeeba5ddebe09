package dev.generators.rewriter;

import java.util.List;
import java.util.stream.Collectors;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;
import org.objectweb.asm.util.TraceMethodVisitor;

/** Listings of bytecode as ASM's {@code Textifier} prints it, for the passes' before-and-after tests. */
final class Bytecode {

    private Bytecode() {}

    /** The method's code, one instruction (or label, line, local variable entry) a line, trimmed. */
    static String listing(MethodNode method) {
        Textifier text = new Textifier();
        method.accept(new TraceMethodVisitor(text));
        return lines(text.getText());
    }

    /** The class: its header, fields and methods, each line trimmed. */
    static String listing(ClassNode type) {
        Textifier text = new Textifier();
        type.accept(new TraceClassVisitor(null, text, null));
        return lines(text.getText());
    }

    private static String lines(List<?> text) {
        StringBuilder all = new StringBuilder();
        for (Object part : text) {
            all.append(part instanceof List<?> nested ? lines(nested) + "\n" : part.toString());
        }
        return all.toString()
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("//"))
                .collect(Collectors.joining("\n"));
    }
}
