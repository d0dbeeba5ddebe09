package dev.generators.rewriter;

import dev.generators.rewriter.GenericType.Argument;
import dev.generators.rewriter.GenericType.ClassType;
import dev.generators.rewriter.GenericType.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The type javac gave a value on a body's stack, with its type arguments where the class files
 * keep them, found from the instruction that made the value ({@link SourceInterpreter}):
 *
 * <pre>
 * ALOAD 2                      the local's LocalVariableTypeTable entry: List&lt;String&gt;
 * ALOAD 0 (never stored to)    the parameter's type in the method's Signature; `this`: the class
 * GETFIELD Box.items           the field's Signature, Box's type variables replaced as the receiver has them
 * INVOKEINTERFACE List.iterator  the method's generic return type, for that receiver: Iterator&lt;String&gt;
 * INVOKESTATIC List.of (2 args)  a type variable of the method taken from the arguments typed by it alone
 * INVOKESTATIC Integer.valueOf   Integer (a boxed primitive)
 * CHECKCAST, NEW, LDC          the raw type they name
 * </pre>
 *
 * These are the declared types a Java type checker reasons with, not the verifier's types of
 * {@link MethodAnalysis}, which merge paths leniently (an interface is any object there, and a
 * class not on the class path is any class). Anything else, and values made on several paths
 * with different types, are {@link GenericType#UNKNOWN}.
 */
final class DeclaredTypes {

    private static final int DEEPEST = 16;

    private final ClassNode owner;
    private final MethodNode method;
    private final ClassHierarchy hierarchy;
    private final Frame<SourceValue>[] sources;
    private final GenericType.Method signature;
    private final Map<String, List<GenericType>> scope = new LinkedHashMap<>();

    private DeclaredTypes(ClassNode owner, MethodNode method, ClassHierarchy hierarchy, Frame<SourceValue>[] sources) {
        this.owner = owner;
        this.method = method;
        this.hierarchy = hierarchy;
        this.sources = sources;
        this.signature = GenericType.ofMethod(method.signature, method.desc);
        scope.putAll(signature.typeParameters());
        if ((method.access & Opcodes.ACC_STATIC) == 0) {
            GenericType.ofClass(owner.signature, owner.superName, owner.interfaces)
                    .typeParameters()
                    .forEach(scope::putIfAbsent);
        }
    }

    static DeclaredTypes of(ClassNode owner, MethodNode method, ClassHierarchy hierarchy) throws AnalyzerException {
        return new DeclaredTypes(
                owner, method, hierarchy, new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method));
    }

    /** The method's own signature. */
    GenericType.Method signature() {
        return signature;
    }

    /** The bounds of a type variable the body can name, or null for one it cannot. */
    List<GenericType> bounds(String variable) {
        return scope.get(variable);
    }

    /** The type of the value {@code below} places under the top of the stack before {@code insn}. */
    GenericType onStack(AbstractInsnNode insn, int below) {
        Frame<SourceValue> frame = sources[method.instructions.indexOf(insn)];
        return frame == null ? GenericType.UNKNOWN : of(frame.getStack(frame.getStackSize() - 1 - below), 0);
    }

    /** The instruction that made the value {@code below} places under the top of the stack, or null. */
    AbstractInsnNode madeBy(AbstractInsnNode insn, int below) {
        Frame<SourceValue> frame = sources[method.instructions.indexOf(insn)];
        if (frame == null) {
            return null;
        }
        SourceValue value = frame.getStack(frame.getStackSize() - 1 - below);
        return value.insns.size() == 1 ? value.insns.iterator().next() : null;
    }

    /**
     * {@code type} seen as its super type {@code target} ({@code ArrayList<String>} as
     * {@code Iterable} is {@code Iterable<String>}), null if it is not one, {@link GenericType#UNKNOWN}
     * if the class files do not tell.
     */
    GenericType asSuper(GenericType type, String target) {
        return asSuper(type, target, 0);
    }

    private GenericType asSuper(GenericType type, String target, int depth) {
        if (depth > DEEPEST) {
            return GenericType.UNKNOWN;
        }
        if (type instanceof Variable variable) {
            List<GenericType> bounds = bounds(variable.name());
            if (bounds == null) {
                return GenericType.UNKNOWN;
            }
            for (GenericType bound : bounds) {
                GenericType found = asSuper(bound, target, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!(type instanceof ClassType classType)) {
            return type instanceof GenericType.Unknown ? type : null;
        }
        if (classType.name().equals(target)) {
            return classType;
        }
        ClassNode declaration = declarations(classType.name());
        if (declaration == null) {
            return GenericType.UNKNOWN;
        }
        GenericType.Declaration generic =
                GenericType.ofClass(declaration.signature, declaration.superName, declaration.interfaces);
        Function<String, Argument> values = valuesOf(generic.typeParameters(), classType.arguments());
        for (ClassType superType : generic.superTypes()) {
            GenericType found = asSuper(superType.substitute(values), target, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The arguments for a declaration's type parameters; for a raw use or anything else, {@link GenericType#UNKNOWN}. */
    private static Function<String, Argument> valuesOf(
            Map<String, List<GenericType>> parameters, List<Argument> arguments) {
        Map<String, Argument> values = new HashMap<>();
        if (arguments.size() == parameters.size()) {
            int i = 0;
            for (String parameter : parameters.keySet()) {
                values.put(parameter, arguments.get(i++));
            }
        }
        Argument unknown = new Argument('=', GenericType.UNKNOWN);
        return name -> values.getOrDefault(name, unknown);
    }

    private GenericType of(SourceValue value, int depth) {
        if (value.insns.isEmpty() || depth > DEEPEST) {
            return GenericType.UNKNOWN;
        }
        GenericType common = null;
        for (AbstractInsnNode insn : value.insns) {
            GenericType type = made(insn, depth + 1);
            if (common != null && !common.equals(type)) {
                return GenericType.UNKNOWN;
            }
            common = type;
        }
        return common;
    }

    private GenericType made(AbstractInsnNode insn, int depth) {
        switch (insn.getOpcode()) {
            case Opcodes.ALOAD:
                return local((VarInsnNode) insn, depth);
            case Opcodes.DUP:
                return onStack(insn, 0, depth);
            case Opcodes.LDC:
                Object constant = ((LdcInsnNode) insn).cst;
                if (constant instanceof String) {
                    return ClassType.raw("java/lang/String");
                }
                return constant instanceof Type type && type.getSort() != Type.METHOD
                        ? new ClassType("java/lang/Class", List.of(new Argument('=', GenericType.ofDescriptor(type))))
                        : GenericType.UNKNOWN;
            case Opcodes.NEW:
            case Opcodes.CHECKCAST:
                return GenericType.ofDescriptor(Type.getObjectType(((TypeInsnNode) insn).desc));
            case Opcodes.ANEWARRAY:
                return new GenericType.ArrayOf(
                        GenericType.ofDescriptor(Type.getObjectType(((TypeInsnNode) insn).desc)));
            case Opcodes.MULTIANEWARRAY:
                return GenericType.ofDescriptor(Type.getType(((MultiANewArrayInsnNode) insn).desc));
            case Opcodes.AALOAD:
                return onStack(insn, 1, depth) instanceof GenericType.ArrayOf array
                        ? array.component()
                        : GenericType.UNKNOWN;
            case Opcodes.GETFIELD:
            case Opcodes.GETSTATIC:
                return field((FieldInsnNode) insn, depth);
            case Opcodes.INVOKEVIRTUAL:
            case Opcodes.INVOKEINTERFACE:
            case Opcodes.INVOKESTATIC:
            case Opcodes.INVOKESPECIAL:
                return call((MethodInsnNode) insn, depth);
            default:
                return GenericType.UNKNOWN;
        }
    }

    private GenericType onStack(AbstractInsnNode insn, int below, int depth) {
        Frame<SourceValue> frame = sources[method.instructions.indexOf(insn)];
        return of(frame.getStack(frame.getStackSize() - 1 - below), depth);
    }

    /**
     * A local's declared type (LocalVariableTypeTable, or LocalVariableTable for a type that is
     * not generic); a parameter's from the method's signature; otherwise what was stored into it.
     */
    private GenericType local(VarInsnNode load, int depth) {
        InsnList instructions = method.instructions;
        int at = instructions.indexOf(load);
        if (method.localVariables != null) {
            for (LocalVariableNode variable : method.localVariables) {
                if (variable.index == load.var
                        && instructions.indexOf(variable.start) <= at
                        && at < instructions.indexOf(variable.end)) {
                    return GenericType.ofField(variable.signature, variable.desc);
                }
            }
        }
        SourceValue stored = sources[at].getLocal(load.var);
        if (!stored.insns.isEmpty()) {
            GenericType common = null;
            for (AbstractInsnNode store : stored.insns) {
                GenericType type = store.getOpcode() == Opcodes.ASTORE ? onStack(store, 0, depth) : GenericType.UNKNOWN;
                if (common != null && !common.equals(type)) {
                    return GenericType.UNKNOWN;
                }
                common = type;
            }
            return common;
        }
        boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        if (!isStatic && load.var == 0) {
            List<Argument> own = new ArrayList<>();
            for (String parameter : GenericType.ofClass(owner.signature, owner.superName, owner.interfaces)
                    .typeParameters()
                    .keySet()) {
                own.add(new Argument('=', new Variable(parameter)));
            }
            return new ClassType(owner.name, own);
        }
        int slot = isStatic ? 0 : 1;
        Type[] parameters = Type.getArgumentTypes(method.desc);
        for (int i = 0; i < parameters.length; slot += parameters[i].getSize(), i++) {
            if (slot == load.var) {
                return signature.parameters().size() == parameters.length
                        ? signature.parameters().get(i)
                        : GenericType.ofDescriptor(parameters[i]);
            }
        }
        return GenericType.UNKNOWN;
    }

    private GenericType field(FieldInsnNode access, int depth) {
        ClassNode declaring = declaring(access.owner, access.name, access.desc, true, 0);
        if (declaring == null) {
            return GenericType.ofDescriptor(Type.getType(access.desc));
        }
        FieldNode field = declaring.fields.stream()
                .filter(f -> f.name.equals(access.name) && f.desc.equals(access.desc))
                .findFirst()
                .orElseThrow();
        GenericType type = GenericType.ofField(field.signature, field.desc);
        Function<String, Argument> values = access.getOpcode() == Opcodes.GETSTATIC
                ? name -> new Argument('=', GenericType.UNKNOWN)
                : receiverValues(onStack(access, 0, depth), declaring);
        if (values == null) {
            return GenericType.ofDescriptor(Type.getType(access.desc));
        }
        return type.substitute(values);
    }

    private GenericType call(MethodInsnNode call, int depth) {
        Type returned = Type.getReturnType(call.desc);
        if (returned.getSort() != Type.OBJECT && returned.getSort() != Type.ARRAY) {
            return GenericType.UNKNOWN;
        }
        ClassNode declaring = declaring(call.owner, call.name, call.desc, false, 0);
        if (declaring == null || call.name.equals("<init>")) {
            return GenericType.ofDescriptor(returned);
        }
        MethodNode callee = declaring.methods.stream()
                .filter(m -> m.name.equals(call.name) && m.desc.equals(call.desc))
                .findFirst()
                .orElseThrow();
        GenericType.Method generic = GenericType.ofMethod(callee.signature, callee.desc);
        int arguments = Type.getArgumentTypes(call.desc).length;
        Function<String, Argument> classValues = call.getOpcode() == Opcodes.INVOKESTATIC
                ? name -> new Argument('=', GenericType.UNKNOWN)
                : receiverValues(onStack(call, arguments, depth), declaring);
        if (classValues == null) {
            return GenericType.ofDescriptor(returned);
        }
        Map<String, Argument> inferred = new HashMap<>();
        for (String variable : generic.typeParameters().keySet()) {
            inferred.put(variable, new Argument('=', inferred(call, generic, variable, depth)));
        }
        return generic.returned()
                .substitute(name -> inferred.containsKey(name) ? inferred.get(name) : classValues.apply(name));
    }

    /**
     * A called method's type variable, where javac infers it from the arguments alone: every
     * parameter that mentions it is exactly it or an array of it, and every argument for them has
     * the same type ({@code List.of("a", "b")}), or is an array of it ({@code Arrays.asList("a",
     * "b")}, whose varargs array javac makes as a {@code String[]}: an array knows its component).
     * Anything else is {@link GenericType#UNKNOWN}.
     */
    private GenericType inferred(MethodInsnNode call, GenericType.Method callee, String variable, int depth) {
        int count = callee.parameters().size();
        if (count != Type.getArgumentTypes(call.desc).length) {
            return GenericType.UNKNOWN;
        }
        Variable itself = new Variable(variable);
        GenericType common = GenericType.UNKNOWN;
        for (int i = 0; i < count; i++) {
            GenericType parameter = callee.parameters().get(i);
            GenericType argument;
            if (parameter.equals(itself)) {
                argument = onStack(call, count - 1 - i, depth);
            } else if (parameter.equals(new GenericType.ArrayOf(itself))) {
                argument = onStack(call, count - 1 - i, depth) instanceof GenericType.ArrayOf array
                        ? array.component()
                        : GenericType.UNKNOWN;
            } else if (mentions(parameter, variable)) {
                return GenericType.UNKNOWN;
            } else {
                continue;
            }
            if (argument instanceof GenericType.Unknown
                    || argument instanceof GenericType.Primitive
                    || !(common instanceof GenericType.Unknown) && !common.equals(argument)) {
                return GenericType.UNKNOWN;
            }
            common = argument;
        }
        return common;
    }

    private static boolean mentions(GenericType type, String variable) {
        if (type instanceof Variable v) {
            return v.name().equals(variable);
        }
        if (type instanceof GenericType.ArrayOf array) {
            return mentions(array.component(), variable);
        }
        if (type instanceof ClassType classType) {
            return classType.arguments().stream().anyMatch(a -> a.bound() != null && mentions(a.bound(), variable));
        }
        return false;
    }

    /**
     * The declaring class's type variables as {@code receiver} has them; null for a receiver of
     * a generic class whose type arguments are not known, a raw one for instance, whose members'
     * types Java erases.
     */
    private Function<String, Argument> receiverValues(GenericType receiver, ClassNode declaring) {
        Map<String, List<GenericType>> parameters = GenericType.ofClass(
                        declaring.signature, declaring.superName, declaring.interfaces)
                .typeParameters();
        if (parameters.isEmpty()) {
            return valuesOf(parameters, List.of());
        }
        GenericType seen = asSuper(receiver, declaring.name);
        return seen instanceof ClassType type && type.arguments().size() == parameters.size()
                ? valuesOf(parameters, type.arguments())
                : null;
    }

    /** The class, {@code owner} or one of its super types, that declares the member. */
    private ClassNode declaring(String owner, String name, String descriptor, boolean isField, int depth) {
        ClassNode node = declarations(owner);
        if (node == null || depth > DEEPEST) {
            return null;
        }
        boolean declares = isField
                ? node.fields.stream().anyMatch(f -> f.name.equals(name) && f.desc.equals(descriptor))
                : node.methods.stream().anyMatch(m -> m.name.equals(name) && m.desc.equals(descriptor));
        if (declares) {
            return node;
        }
        List<String> supers = new ArrayList<>(node.interfaces);
        if (node.superName != null) {
            supers.add(0, node.superName);
        }
        for (String superName : supers) {
            ClassNode found = declaring(superName, name, descriptor, isField, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private ClassNode declarations(String name) {
        return name.equals(owner.name) ? owner : hierarchy.declarations(name);
    }
}
