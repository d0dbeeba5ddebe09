package dev.generators.rewriter;

import dev.generators.rewriter.GenericType.Argument;
import dev.generators.rewriter.GenericType.ClassType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;

/**
 * Refuses a generator whose values can never have the types its declaration promises, read
 * from the method's {@code Signature}: {@code Iterable<Y>}, {@code Iterator<Y>}, {@code Stream<Y>},
 * {@code Coroutine<Y, S, R>}. {@code Yield.value(Object)} accepts anything, so without this a
 * wrong yield is a {@code ClassCastException} in the consumer's loop. Checked, at each reachable
 * call (the value's type as {@link DeclaredTypes} finds it):
 *
 * <pre>
 * Yield.value(v)                      v can be a Y           Integer into Iterable&lt;Long&gt;
 * CHECKCAST T right after Yield.value an S can be a T        String got = Yield.value(x), S = Integer
 * Yield.done(r)                       r can be an R
 * Yield.all(source)                   its elements can be Ys  Yield.all(List.of("a")) into Iterable&lt;Integer&gt;
 * CHECKCAST T right after Yield.all(coroutine)  its R can be a T
 * </pre>
 *
 * "Can be" is decided on erasures, from class files only, and errs towards yes: types are
 * disjoint only when both are fully known and no object can be both (two classes neither of
 * which extends the other; a final class and an interface it does not implement; an array and
 * anything but {@code Object}, {@code Cloneable}, {@code Serializable} or an array whose
 * component can be). A type variable stands for its bounds, {@code ? extends B} for {@code B};
 * {@code ? super B}, {@code ?}, raw types, {@code Object}, {@code null} and whatever cannot be
 * resolved accept everything. The verifier's type of the same value ({@link MethodAnalysis})
 * can only withdraw a refusal, never make one: a false refusal is worse than a missed check.
 *
 * <p>Called once per generator, after the analysis and before the rewrite changes the body.
 */
final class TypeChecks {

    private static final String OBJECT = "java/lang/Object";

    /** The literal or cast that makes a value of the primitive a box holds. */
    private static final Map<String, String> PRIMITIVE_HINTS = Map.of(
            "java/lang/Long", "long: write 1L, or (long) i",
            "java/lang/Integer", "int: write 1, or (int) x",
            "java/lang/Double", "double: write 1.0, or (double) i",
            "java/lang/Float", "float: write 1f, or (float) i",
            "java/lang/Short", "short: write (short) 1, or (short) i",
            "java/lang/Byte", "byte: write (byte) 1, or (byte) i",
            "java/lang/Character", "char: write 'a', or (char) i");

    private final ClassPlace place;
    private final MethodNode method;
    private final ClassHierarchy hierarchy;
    private final DeclaredTypes types;
    private final Map<String, Boolean> fullyKnown = new HashMap<>();
    private final List<Misuse> found = new ArrayList<>();

    private TypeChecks(ClassPlace place, MethodNode method, ClassHierarchy hierarchy, DeclaredTypes types) {
        this.place = place;
        this.method = method;
        this.hierarchy = hierarchy;
        this.types = types;
    }

    /**
     * @param method the {@code @Generator} method as compiled, with its signature
     * @param analysis its analysis: only reachable calls are checked
     */
    static List<Misuse> of(
            ClassPlace place, ClassNode owner, MethodNode method, MethodAnalysis analysis, ClassHierarchy hierarchy)
            throws AnalyzerException {
        if (method.signature == null) {
            return List.of(); // a raw return type promises nothing
        }
        TypeChecks checks = new TypeChecks(place, method, hierarchy, DeclaredTypes.of(owner, method, hierarchy));
        GenericType declared = checks.types.signature().returned();
        if (!(declared instanceof ClassType returned) || returned.arguments().isEmpty()) {
            return List.of();
        }
        List<Argument> arguments = returned.arguments();
        boolean coroutine = GeneratorKind.of(Type.getReturnType(method.desc).getDescriptor()) == GeneratorKind.COROUTINE
                && arguments.size() == 3;
        for (AbstractInsnNode insn : method.instructions) {
            YieldCall call = YieldCall.of(insn);
            if (call != null && analysis.frame(insn) != null) {
                checks.check(
                        insn,
                        analysis.frame(insn),
                        call,
                        returned,
                        arguments.get(0),
                        coroutine ? arguments.get(1) : null,
                        coroutine ? arguments.get(2) : null);
            }
        }
        return checks.found;
    }

    private void check(
            AbstractInsnNode insn,
            TypedFrame frame,
            YieldCall call,
            ClassType returned,
            Argument y,
            Argument s,
            Argument r) {
        String declared = " (the method returns " + returned.toJava() + ")";
        switch (call) {
            case VALUE -> {
                checkHandedOver(insn, frame, y, "Yield.value", "the type this generator yields" + declared, "yield");
                if (s != null) {
                    Type[] received = clash(takenAs(insn), s);
                    if (received != null) {
                        refuse(
                                insn,
                                "the value Yield.value evaluates to is what the consumer sends, of type S = "
                                        + s.bound().toJava() + declared + ", and is used here as "
                                        + article(received[0])
                                        + ", which " + article(received[1]) + " can never be: take it as "
                                        + article(received[1]) + ", or change S");
                    }
                }
            }
            case DONE_WITH_RESULT -> {
                if (r != null) {
                    checkHandedOver(
                            insn, frame, r, "Yield.done", "the result type R of this generator" + declared, "return");
                }
            }
            case ALL_ITERABLE, ALL_ITERATOR, ALL_COROUTINE -> {
                String kind = call == YieldCall.ALL_ITERABLE
                        ? "java/lang/Iterable"
                        : call == YieldCall.ALL_ITERATOR
                                ? "java/util/Iterator"
                                : Type.getType(GeneratorKind.COROUTINE.descriptor)
                                        .getInternalName();
                GenericType source = types.onStack(insn, 0);
                if (!verifierAgrees(frame, source, null)
                        || !(types.asSuper(source, kind) instanceof ClassType seen)
                        || seen.arguments().isEmpty()) {
                    return; // raw, or not known
                }
                Type[] clash = clash(elementsOf(seen.arguments().get(0)), y);
                if (clash != null) {
                    refuse(
                            insn,
                            "Yield.all of " + withArticle(source.toJava()) + ": its elements, of type "
                                    + name(clash[0]) + ", can never be of type " + name(clash[1])
                                    + ", the type this generator yields" + declared
                                    + ": delegate to a source of " + name(clash[1])
                                    + ", or convert the elements first");
                }
                if (call == YieldCall.ALL_COROUTINE && seen.arguments().size() == 3) {
                    Type[] result = clash(takenAs(insn), seen.arguments().get(2));
                    if (result != null) {
                        refuse(
                                insn,
                                "Yield.all evaluates to the result of the coroutine it delegates to, of type R = "
                                        + seen.arguments().get(2).bound().toJava() + " (" + withArticle(source.toJava())
                                        + "), and is used here as " + article(result[0]) + ", which "
                                        + article(result[1])
                                        + " can never be: take it as " + article(result[1]));
                    }
                }
            }
            default -> {}
        }
    }

    /**
     * Refuses the value on top of the stack, handed to {@code Yield.value} or {@code Yield.done},
     * if it can never be a {@code wanted}: {@code Yield.value of an Integer, which can never be a
     * Long, the type this generator yields (...): yield a long: write 1L, or (long) i}.
     */
    private void checkHandedOver(
            AbstractInsnNode insn, TypedFrame frame, Argument wanted, String call, String what, String verb) {
        GenericType value = types.onStack(insn, 0);
        Type[] clash = verifierAgrees(frame, value, wanted) ? clash(value, wanted) : null;
        if (clash != null) {
            String otherwise = verb + " " + article(clash[1]) + (verb.equals("yield") ? " instead" : ", or change R");
            refuse(
                    insn,
                    call + " of " + article(clash[0]) + ", which can never be " + bounding(wanted, clash[1]) + ", "
                            + what + ": " + primitiveHint(clash[0], clash[1], verb, otherwise));
        }
    }

    /**
     * Whether the verifier's type of the value on top of the stack ({@link MethodAnalysis}, the
     * type of what is really there) bears out a refusal made on its declared type: it does not
     * if the two cannot meet (the declared type came from a wrong table entry), if the value is
     * always null, or if the verifier's type, where it says more than {@code Object}, may be a
     * {@code wanted}. A second opinion that can only withdraw a refusal.
     */
    private boolean verifierAgrees(TypedFrame frame, GenericType declared, Argument wanted) {
        Type verified = frame.getStack(frame.getStackSize() - 1).getType();
        if (verified == null || !HierarchyVerifier.isReference(verified)) {
            return true;
        }
        if (verified.equals(BasicInterpreter.NULL_TYPE)) {
            return false;
        }
        for (Type erasure : erasures(declared, 0)) {
            if (disjoint(verified, erasure)) {
                return false;
            }
        }
        return isObject(verified) || wanted == null || clash(GenericType.ofDescriptor(verified), wanted) != null;
    }

    /** The type a value of which an argument is: its bound for {@code ? extends}, nothing known for {@code ? super}. */
    private static GenericType elementsOf(Argument argument) {
        return argument.wildcard() == '=' || argument.wildcard() == '+' ? argument.bound() : GenericType.UNKNOWN;
    }

    /** The type javac casts the value of the call to, where the call's value is cast at once. */
    private static GenericType takenAs(AbstractInsnNode call) {
        AbstractInsnNode next = call.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        return next != null && next.getOpcode() == Opcodes.CHECKCAST
                ? GenericType.ofDescriptor(Type.getObjectType(((TypeInsnNode) next).desc))
                : GenericType.UNKNOWN;
    }

    /**
     * An erasure of {@code value}'s type and one of what {@code wanted} allows that no object can
     * both be, or null when a value of the type can be a {@code wanted}.
     */
    private Type[] clash(GenericType value, Argument wanted) {
        List<Type> wantedBounds = erasures(elementsOf(wanted), 0);
        for (Type has : erasures(value, 0)) {
            for (Type must : wantedBounds) {
                if (disjoint(has, must)) {
                    return new Type[] {has, must};
                }
            }
        }
        return null;
    }

    /** The erased types every value of {@code type} is an instance of; none for what is not known. */
    private List<Type> erasures(GenericType type, int depth) {
        if (type instanceof ClassType classType) {
            return List.of(Type.getObjectType(classType.name()));
        }
        if (type instanceof GenericType.ArrayOf array) {
            if (array.component() instanceof GenericType.Primitive primitive) {
                return List.of(Type.getType("[" + primitive.descriptor()));
            }
            List<Type> component = erasures(array.component(), depth + 1);
            return List.of(Type.getType("["
                    + (component.isEmpty()
                            ? "L" + OBJECT + ";"
                            : component.get(0).getDescriptor())));
        }
        if (type instanceof GenericType.Variable variable && depth < 8) {
            List<GenericType> bounds = types.bounds(variable.name());
            List<Type> erasures = new ArrayList<>();
            if (bounds != null) {
                bounds.forEach(bound -> erasures.addAll(erasures(bound, depth + 1)));
            }
            return erasures;
        }
        return List.of();
    }

    /** Whether no object can be both an {@code a} and a {@code b}, as far as the class files prove. */
    private boolean disjoint(Type a, Type b) {
        if (a.equals(b) || isObject(a) || isObject(b)) {
            return false;
        }
        boolean aArray = a.getSort() == Type.ARRAY;
        boolean bArray = b.getSort() == Type.ARRAY;
        if (aArray && bArray) {
            Type aComponent = Type.getType(a.getDescriptor().substring(1));
            Type bComponent = Type.getType(b.getDescriptor().substring(1));
            boolean aReference = HierarchyVerifier.isReference(aComponent);
            boolean bReference = HierarchyVerifier.isReference(bComponent);
            return aReference && bReference ? disjoint(aComponent, bComponent) : !aComponent.equals(bComponent);
        }
        if (aArray || bArray) {
            String other = (aArray ? b : a).getInternalName();
            return !other.equals("java/lang/Cloneable") && !other.equals("java/io/Serializable");
        }
        String aName = a.getInternalName();
        String bName = b.getInternalName();
        if (!isFullyKnown(aName) || !isFullyKnown(bName)) {
            return false;
        }
        if (hierarchy.isSubtype(aName, bName) || hierarchy.isSubtype(bName, aName)) {
            return false;
        }
        ClassNode aClass = hierarchy.declarations(aName);
        ClassNode bClass = hierarchy.declarations(bName);
        boolean aInterface = (aClass.access & Opcodes.ACC_INTERFACE) != 0;
        boolean bInterface = (bClass.access & Opcodes.ACC_INTERFACE) != 0;
        if (aInterface && bInterface) {
            return false; // a class may implement both
        }
        if (aInterface || bInterface) {
            // A subclass of the class may implement the interface, unless there can be none.
            return ((aInterface ? bClass : aClass).access & Opcodes.ACC_FINAL) != 0;
        }
        return true; // two classes, neither extending the other
    }

    private static boolean isObject(Type type) {
        return type.getSort() == Type.OBJECT && type.getInternalName().equals(OBJECT);
    }

    /** Whether the class and all its super types are on the class path. */
    private boolean isFullyKnown(String name) {
        Boolean known = fullyKnown.get(name);
        if (known == null) {
            known = true;
            Deque<String> pending = new ArrayDeque<>(List.of(name));
            Set<String> seen = new HashSet<>();
            while (known && !pending.isEmpty()) {
                String next = pending.pop();
                if (seen.add(next)) {
                    ClassNode node = hierarchy.declarations(next);
                    known = node != null;
                    if (known) {
                        if (node.superName != null) {
                            pending.push(node.superName);
                        }
                        pending.addAll(node.interfaces);
                    }
                }
            }
            fullyKnown.put(name, known);
        }
        return known;
    }

    private void refuse(AbstractInsnNode insn, String message) {
        found.add(place.at(method, insn, message));
    }

    /** What to write instead of a box of the wrong primitive ({@code yield a long: write 1L, or (long) i}), or {@code otherwise}. */
    private static String primitiveHint(Type value, Type wanted, String verb, String otherwise) {
        String hint = PRIMITIVE_HINTS.get(wanted.getInternalName());
        boolean boxed = value.getSort() == Type.OBJECT
                && (PRIMITIVE_HINTS.containsKey(value.getInternalName())
                        || value.getInternalName().equals("java/lang/Boolean"));
        return hint != null && boxed ? verb + " a " + hint : otherwise;
    }

    /** {@code a Number}, or {@code a Number (the bound of T)} where the declaration says {@code T}. */
    private static String bounding(Argument declared, Type bound) {
        return article(bound)
                + (declared.bound() instanceof GenericType.Variable variable
                        ? " (the bound of " + variable.name() + ")"
                        : "");
    }

    private static String article(Type type) {
        return withArticle(name(type));
    }

    private static String withArticle(String name) {
        return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    /** As the source says it: {@code Integer}, {@code java.util.List}, {@code int[]}. */
    static String name(Type type) {
        String name = type.getClassName();
        return name.startsWith("java.lang.") && name.indexOf('.', "java.lang.".length()) < 0
                ? name.substring("java.lang.".length())
                : name;
    }
}
