package dev.generators.rewriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Writes a class some of whose methods were rewritten, changing nothing else: the methods it did
 * not rewrite keep the compiler's bytes, stack map frames included (what JaCoCo does), and only
 * the rewritten ones get frames computed anew.
 *
 * <p>The frames are computed on a scratch class that holds the rewritten methods alone
 * ({@code COMPUTE_FRAMES}, with super classes read from the {@link ClassHierarchy}, which throws
 * {@link MissingClassException} rather than guess one), then read back. The class is then copied
 * from the original bytes, its constant pool first so that every index stays, with the rewritten
 * methods put in place of (or after) the original ones. Only methods change: the class's own
 * attributes, fields and other methods are the original's.
 */
final class OwnerClassWriter {

    private OwnerClassWriter() {}

    /**
     * @param original the class file as the compiler wrote it
     * @param owner the class, read from {@code original}, with its methods rewritten
     * @param rewritten the methods of {@code owner} to write anew; every other method of
     *     {@code owner} must be one of {@code original}, unchanged
     */
    static byte[] write(byte[] original, ClassNode owner, Set<MethodNode> rewritten, ClassHierarchy hierarchy) {
        Map<MethodNode, MethodNode> framed = withFrames(owner, rewritten, hierarchy);
        Map<String, MethodNode> byKey = new HashMap<>();
        for (MethodNode method : owner.methods) {
            byKey.put(method.name + method.desc, method);
        }
        ClassReader reader = new ClassReader(original);
        Set<String> declared = declaredMethods(reader);
        ClassWriter writer = new ClassWriter(reader, 0);
        Set<MethodNode> written = new HashSet<>();
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        MethodNode method = byKey.get(name + descriptor);
                        if (method == null || !rewritten.contains(method)) {
                            return super.visitMethod(access, name, descriptor, signature, exceptions);
                        }
                        // The rewritten method, then the ones added after it (its body).
                        for (int i = owner.methods.indexOf(method); i < owner.methods.size(); i++) {
                            MethodNode next = owner.methods.get(i);
                            if (next != method
                                    && (!rewritten.contains(next) || declared.contains(next.name + next.desc))) {
                                break;
                            }
                            if (written.add(next)) {
                                framed.get(next).accept(cv);
                            }
                        }
                        return null;
                    }

                    @Override
                    public void visitEnd() {
                        for (MethodNode method : owner.methods) {
                            if (rewritten.contains(method) && written.add(method)) {
                                framed.get(method).accept(cv);
                            }
                        }
                        super.visitEnd();
                    }
                },
                0);
        return writer.toByteArray();
    }

    private static Set<String> declaredMethods(ClassReader reader) {
        Set<String> declared = new HashSet<>();
        reader.accept(
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        declared.add(name + descriptor);
                        return null;
                    }
                },
                ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return declared;
    }

    /** The rewritten methods, each with frames (and max stack and locals) computed for it. */
    private static Map<MethodNode, MethodNode> withFrames(
            ClassNode owner, Set<MethodNode> rewritten, ClassHierarchy hierarchy) {
        ClassNode scratch = new ClassNode();
        scratch.version = owner.version;
        scratch.access = owner.access;
        scratch.name = owner.name;
        scratch.superName = owner.superName;
        scratch.interfaces = owner.interfaces;
        List<MethodNode> methods = new ArrayList<>();
        for (MethodNode method : owner.methods) {
            if (rewritten.contains(method)) {
                methods.add(method);
            }
        }
        scratch.methods = methods;
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return hierarchy.commonSuperClass(a, b);
            }
        };
        scratch.accept(writer);
        ClassNode computed = new ClassNode();
        new ClassReader(writer.toByteArray()).accept(computed, 0);
        Map<MethodNode, MethodNode> framed = new HashMap<>();
        for (int i = 0; i < methods.size(); i++) {
            framed.put(methods.get(i), computed.methods.get(i));
        }
        return framed;
    }
}
