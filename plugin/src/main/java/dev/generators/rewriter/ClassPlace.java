package dev.generators.rewriter;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/** Turns positions in a class file into the places a user reads: file, line, class and method. */
final class ClassPlace {

    private final String sourceFile;
    private final String className;

    ClassPlace(ClassNode owner) {
        this.className = owner.name.replace('/', '.');
        String simple = owner.name.substring(owner.name.lastIndexOf('/') + 1);
        this.sourceFile = owner.sourceFile != null ? owner.sourceFile : simple + ".class";
    }

    Misuse at(MethodNode method, AbstractInsnNode insn, String message) {
        return new Misuse(sourceFile, lineOf(insn), className, signature(method), message);
    }

    Misuse at(MethodNode method, String message) {
        return new Misuse(sourceFile, firstLine(method), className, signature(method), message);
    }

    Misuse of(String message) {
        return new Misuse(sourceFile, 0, className, "", message);
    }

    /** The source line of {@code insn}: that of the nearest line number entry before it, or 0. */
    static int lineOf(AbstractInsnNode insn) {
        for (AbstractInsnNode node = insn; node != null; node = node.getPrevious()) {
            if (node instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return 0;
    }

    static int firstLine(MethodNode method) {
        for (AbstractInsnNode node : method.instructions) {
            if (node instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return 0;
    }

    /** {@code fibonacci(int)}, {@code lambda$walk$0 (a lambda in walk)}. */
    static String signature(MethodNode method) {
        StringBuilder text = new StringBuilder(method.name).append('(');
        Type[] parameters = Type.getArgumentTypes(method.desc);
        for (int i = 0; i < parameters.length; i++) {
            String name = parameters[i].getClassName();
            text.append(i > 0 ? ", " : "").append(name.substring(name.lastIndexOf('.') + 1));
        }
        return text.append(')').toString();
    }
}
