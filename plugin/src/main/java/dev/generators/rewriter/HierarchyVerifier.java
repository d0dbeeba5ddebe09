package dev.generators.rewriter;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * ASM's {@link SimpleVerifier}, answering its questions about classes from a
 * {@link ClassHierarchy} instead of loading them. Types follow the JVM verifier's rules:
 * an interface type accepts any reference, as the verifier treats interfaces as {@code Object}.
 */
class HierarchyVerifier extends SimpleVerifier {

    private static final Type OBJECT = Type.getObjectType("java/lang/Object");

    final ClassHierarchy hierarchy;

    HierarchyVerifier(ClassHierarchy hierarchy) {
        super(Opcodes.ASM9, null, null, List.of(), false);
        this.hierarchy = hierarchy;
    }

    @Override
    protected boolean isSubTypeOf(BasicValue value, BasicValue expected) {
        Type type = value.getType();
        Type wanted = expected.getType();
        if (type == null || wanted == null) {
            return type == wanted;
        }
        if (type.equals(wanted)) {
            return true;
        }
        if (!isReference(type) || !isReference(wanted)) {
            return false;
        }
        return type.equals(BasicInterpreter.NULL_TYPE) || isAssignableFrom(wanted, type);
    }

    @Override
    protected boolean isInterface(Type type) {
        return type.getSort() == Type.OBJECT && hierarchy.isInterface(type.getInternalName());
    }

    @Override
    protected Type getSuperClass(Type type) {
        if (type.getSort() == Type.ARRAY) {
            return OBJECT;
        }
        String superName = hierarchy.superName(type.getInternalName());
        return superName == null ? null : Type.getObjectType(superName);
    }

    @Override
    protected boolean isAssignableFrom(Type to, Type from) {
        if (to.equals(from) || to.equals(OBJECT)) {
            return true;
        }
        if (to.getSort() == Type.ARRAY) {
            if (from.getSort() != Type.ARRAY) {
                return false;
            }
            Type toElement = Type.getType(to.getDescriptor().substring(1));
            Type fromElement = Type.getType(from.getDescriptor().substring(1));
            if (!isReference(toElement) || !isReference(fromElement)) {
                return toElement.equals(fromElement);
            }
            return isAssignableFrom(toElement, fromElement);
        }
        if (isInterface(to) || !hierarchy.isKnown(to.getInternalName())) {
            return true;
        }
        if (from.getSort() == Type.ARRAY) {
            return false;
        }
        for (String name = from.getInternalName(); name != null; name = hierarchy.superName(name)) {
            if (name.equals(to.getInternalName())) {
                return true;
            }
            if (!hierarchy.isKnown(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> getClass(Type type) {
        throw new UnsupportedOperationException("the rewriter never loads classes: " + type);
    }

    static boolean isReference(Type type) {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
    }
}
