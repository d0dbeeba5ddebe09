package dev.generators.rewriter;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Checks a class file the rewriter made before it replaces anything on disk: its structure with
 * ASM's {@link CheckClassAdapter}, every method's types with ASM's {@link Analyzer} and a
 * verifier that reads the class hierarchy from the class path, and every method's stack map
 * frames against its code with {@link FrameCheck}. {@link LoadCheck} then has the JVM verify what
 * it can load.
 */
public final class OutputVerifier {

    private final ClassHierarchy hierarchy;

    public OutputVerifier(ClassHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /** Null if the class verifies, else what is wrong with it. */
    public String problem(byte[] classFile) {
        ClassNode node = new ClassNode();
        try {
            new ClassReader(classFile).accept(new CheckClassAdapter(node, false), ClassReader.EXPAND_FRAMES);
        } catch (RuntimeException malformed) {
            return "malformed class: " + malformed.getMessage();
        }
        for (MethodNode method : node.methods) {
            if (method.instructions.size() == 0) {
                continue;
            }
            try {
                new Analyzer<BasicValue>(new HierarchyVerifier(hierarchy)).analyze(node.name, method);
            } catch (AnalyzerException wrong) {
                return method.name + method.desc + " does not verify: " + wrong.getMessage();
            }
            String frames = FrameCheck.problem(node.name, method, new HierarchyVerifier(hierarchy));
            if (frames != null) {
                return method.name + method.desc + " has stack map frames that do not hold: " + frames;
            }
        }
        return null;
    }
}
