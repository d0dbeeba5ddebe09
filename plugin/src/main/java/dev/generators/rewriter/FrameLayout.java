package dev.generators.rewriter;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * Decides the fields of the generator class, which hold the method's frame while it is
 * suspended: one per argument the body reads ({@code this} included), one per local that is live
 * across some yield, named and typed as the source declared it, and one per operand stack value
 * waiting below a yield. Locals dead at every yield, and arguments never read, get no field. For each suspension it lists what to
 * save and restore, and which reference fields to clear so that a suspended generator keeps
 * nothing reachable that the method itself would have dropped.
 */
final class FrameLayout {

    /** A field of the generator class. */
    record Field(String name, String descriptor) {
        boolean isReference() {
            return descriptor.startsWith("L") || descriptor.startsWith("[");
        }

        Type type() {
            return Type.getType(descriptor);
        }
    }

    /** A method argument, kept in {@code field} from the call until the body needs it. */
    record Argument(int slot, Field field) {}

    /**
     * A value moved between a local slot or stack position and a field while suspended; a null
     * {@code field} means the value is the constant {@code null}. {@code save} is false for an
     * argument the body never assigns, whose field holds it already: a yield does not store it,
     * and a resume does not restore it, the generator class passing it into its slot. {@code cast}, where not null,
     * is the class the value is cast back to when restored from an {@code Object} field.
     */
    record Spill(int slot, Field field, boolean save, String cast) {
        Spill(int slot, Field field, boolean save) {
            this(slot, field, save, null);
        }
    }

    /**
     * What one yield saves before it suspends and restores when it resumes; {@code call} and
     * {@code line} name the yield ({@code value} or {@code all}) and its source line, 0 if unknown.
     */
    record Suspension(int state, String call, int line, List<Spill> locals, List<Spill> stack, List<Field> cleared) {}

    private record Key(String role, int slot, String descriptor, String name) {}

    private static final String OBJECT = "Ljava/lang/Object;";

    /** The field the body dispatches on, inherited from {@code StateMachine}. */
    final Field state = new Field(RuntimeNames.STATE, RuntimeNames.STATE_DESC);
    /**
     * Where the generator class finds the primitive the body yielded, when every yield boxes one
     * of the same type ({@link UnboxedYields}); else null. Its own field, {@code yielded$}, that
     * the body stores the value into, unless {@link #yieldsSavedLocal}.
     */
    final Field yielded;
    /**
     * Whether {@link #yielded} is the field of a local rather than {@code yielded$}: every yield
     * yields a plain load of a local that it saves, into this one field, which holds the value
     * yielded until the body is resumed, as long as the value can be taken. The body stores it
     * once, not twice: a store less per element where the generator is not scalar-replaced.
     */
    final boolean yieldsSavedLocal;
    /** What {@link #yielded} holds, and how it is boxed; null with it. */
    final UnboxedYields.Boxing boxing;
    /** Whether the body has a {@code Yield.all}: without one, the generator class says so to the runtime. */
    final boolean delegates;
    /** The arguments the body reads, which the call passes and {@code resume()} passes on to the body. */
    final List<Argument> arguments;
    /** Argument fields that no yield restores: set to null as soon as the body starts. */
    final List<Field> clearedAtStart;
    /** Each suspending call, in code order, with what it saves: states 1, 2, ... (0 is the start). */
    final Map<MethodInsnNode, Suspension> suspensions;

    private final List<Field> fields;

    private FrameLayout(
            Field yielded,
            boolean yieldsSavedLocal,
            UnboxedYields.Boxing boxing,
            boolean delegates,
            List<Argument> arguments,
            List<Field> clearedAtStart,
            Map<MethodInsnNode, Suspension> suspensions,
            List<Field> fields) {
        this.yielded = yielded;
        this.yieldsSavedLocal = yieldsSavedLocal;
        this.boxing = boxing;
        this.delegates = delegates;
        this.arguments = List.copyOf(arguments);
        this.clearedAtStart = List.copyOf(clearedAtStart);
        this.suspensions = Collections.unmodifiableMap(new LinkedHashMap<>(suspensions));
        this.fields = List.copyOf(fields);
    }

    /** Every field the generator class declares, in order. */
    List<Field> fields() {
        return fields;
    }

    /** The fields, each named once: a name already taken gets {@code $2}, {@code $3}, ... */
    private static final class Fields {
        private final Map<Key, Field> byKey = new LinkedHashMap<>();
        private final Set<String> names = new HashSet<>();

        Fields() {
            // Inherited from StateMachine, so no frame field may take the name.
            names.add(RuntimeNames.STATE);
        }

        Field field(Key key) {
            return byKey.computeIfAbsent(key, k -> {
                String name = k.name();
                for (int n = 2; !names.add(name); n++) {
                    name = k.name() + "$" + n;
                }
                return new Field(name, k.descriptor());
            });
        }
    }

    /**
     * @param method the body, its {@code NEW}s moved ({@link NewMover}) and analysed as it is now
     * @param unboxed whether the values yielded are kept unboxed: then in a field of their
     *     primitive type named after every other, so that its name ({@code yielded$}) is taken by
     *     no local
     */
    static FrameLayout of(
            String owner,
            MethodNode method,
            GeneratorKind kind,
            SuspensionPoints points,
            UnboxedYields unboxed,
            HierarchyVerifier types) {
        Fields fields = new Fields();
        MethodAnalysis analysis = points.analysis();
        List<MethodInsnNode> suspending = points.calls();
        boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        boolean delegates = suspending.stream().anyMatch(call -> YieldCall.of(call) != YieldCall.VALUE);
        List<Argument> arguments = new ArrayList<>();
        List<Field> clearedAtStart = new ArrayList<>();
        Map<MethodInsnNode, Suspension> suspensions = new LinkedHashMap<>();
        InsnList code = method.instructions;
        BitSet assigned = assignedSlots(code);
        // An argument the body never reads (most often the receiver of an instance method that
        // uses no member) is not kept: the call does not even pass it. A suspended generator is
        // 4 to 8 bytes smaller, and the reference is not held.
        BitSet read = readSlots(code);
        Map<Integer, Argument> bySlot = new LinkedHashMap<>();
        int slot = 0;
        if (!isStatic) {
            if (read.get(0)) {
                String simple = owner.substring(Math.max(owner.lastIndexOf('/'), owner.lastIndexOf('$')) + 1);
                Field self = fields.field(new Key("argument", 0, "L" + owner + ";", "this$" + simple));
                bySlot.put(0, new Argument(0, self));
            }
            slot = 1;
        }
        Type[] parameters = Type.getArgumentTypes(method.desc);
        for (int i = 0; i < parameters.length; i++) {
            if (read.get(slot)) {
                String name = parameterName(method, i, slot);
                Field field = fields.field(new Key("argument", slot, parameters[i].getDescriptor(), name));
                bySlot.put(slot, new Argument(slot, field));
            }
            slot += parameters[i].getSize();
        }
        arguments.addAll(bySlot.values());

        Set<Field> clearable = new LinkedHashSet<>();
        if (kind != GeneratorKind.ITERABLE) {
            // An Iterable keeps its arguments for the next iterator().
            bySlot.values().stream()
                    .map(Argument::field)
                    .filter(Field::isReference)
                    .forEach(clearable::add);
        }
        int state = 0;
        for (MethodInsnNode call : suspending) {
            TypedFrame frame = analysis.frame(call);
            int index = code.indexOf(call);
            List<Spill> locals = new ArrayList<>();
            BitSet live = analysis.liveBefore(call);
            for (int local = live.nextSetBit(0); local >= 0; local = live.nextSetBit(local + 1)) {
                BasicValue value = frame.getLocal(local);
                if (value.getType() == null) {
                    continue;
                }
                Argument argument = bySlot.get(local);
                if (argument != null && !assigned.get(local)) {
                    locals.add(new Spill(local, argument.field(), false));
                    continue;
                }
                LocalVariableNode declared = declaredAt(method, local, index);
                String descriptor = descriptor(value, declared, types);
                if (descriptor == null) {
                    locals.add(new Spill(local, null, true));
                    continue;
                }
                String cast = null;
                if (OBJECT.equals(descriptor)
                        && !OBJECT.equals(value.getType().getDescriptor())
                        && (declared == null || !OBJECT.equals(declared.desc))) {
                    cast = castType(value.getType(), types);
                }
                String name = declared != null ? declared.name : "local$" + local;
                Field field;
                if (argument != null
                        && kind != GeneratorKind.ITERABLE
                        && argument.field().descriptor().equals(descriptor)) {
                    field = argument.field();
                } else {
                    field = fields.field(new Key("local", local, descriptor, name));
                    if (field.isReference()) {
                        clearable.add(field);
                    }
                }
                locals.add(new Spill(local, field, true, cast));
            }
            List<Spill> stack = new ArrayList<>();
            for (int depth = 0; depth < frame.getStackSize() - 1; depth++) {
                Type type = frame.getStack(depth).getType();
                if (type.equals(BasicInterpreter.NULL_TYPE)) {
                    stack.add(new Spill(depth, null, true));
                } else if (HierarchyVerifier.isReference(type)) {
                    Field field = fields.field(new Key("stack", depth, OBJECT, "stack$" + depth));
                    stack.add(new Spill(depth, field, true, castType(type, types)));
                } else {
                    Field field = fields.field(new Key("stack", depth, type.getDescriptor(), "stack$" + depth));
                    stack.add(new Spill(depth, field, true));
                }
            }
            suspensions.put(
                    call, new Suspension(++state, call.name, ClassPlace.lineOf(call), locals, stack, List.of()));
        }
        // An argument no suspension restores is read from its field once, at the start: clear it
        // there, not at every yield, where each store of null costs the consumer's loop a GC
        // barrier per element whenever the generator is not scalar-replaced.
        for (Argument argument : arguments) {
            Field field = argument.field();
            if (clearable.contains(field)
                    && suspensions.values().stream()
                            .flatMap(suspension -> suspension.locals().stream())
                            .noneMatch(spill -> field.equals(spill.field()))) {
                clearable.remove(field);
                clearedAtStart.add(field);
            }
        }
        // Clear what is not live at each suspension, once every field is known.
        for (Map.Entry<MethodInsnNode, Suspension> entry : suspensions.entrySet()) {
            Suspension suspension = entry.getValue();
            Set<Field> cleared = new LinkedHashSet<>(clearable);
            suspension.locals().forEach(spill -> cleared.remove(spill.field()));
            entry.setValue(new Suspension(
                    suspension.state(),
                    suspension.call(),
                    suspension.line(),
                    suspension.locals(),
                    suspension.stack(),
                    List.copyOf(cleared)));
        }
        Field savedLocal = savedLocalYielded(unboxed, suspensions);
        Field yielded = unboxed.boxing() == null || savedLocal != null
                ? savedLocal
                : fields.field(
                        new Key("yielded", -1, unboxed.boxing().primitive().getDescriptor(), "yielded$"));
        return new FrameLayout(
                yielded,
                savedLocal != null,
                unboxed.boxing(),
                delegates,
                arguments,
                clearedAtStart,
                suspensions,
                List.copyOf(fields.byKey.values()));
    }

    /**
     * The field of the local that every yield yields, where there is one: each yield's value is
     * a plain load of a local ({@link UnboxedYields#loads()}) that the yield saves, all into one
     * field of the primitive boxed. That field holds the value yielded from the suspension until
     * the body resumes, and every way the runtime takes a value takes it while the body is
     * suspended at that yield. Null where any yield yields something else (an expression, a local
     * dead after the yield, another local than the others): the body then keeps the value in
     * {@code yielded$}.
     */
    private static Field savedLocalYielded(UnboxedYields unboxed, Map<MethodInsnNode, Suspension> suspensions) {
        if (unboxed.boxing() == null) {
            return null;
        }
        Field common = null;
        for (Map.Entry<MethodInsnNode, Suspension> entry : suspensions.entrySet()) {
            VarInsnNode load = unboxed.loads().get(entry.getKey());
            if (load == null) {
                return null;
            }
            Field saved = entry.getValue().locals().stream()
                    .filter(spill -> spill.slot() == load.var)
                    .map(Spill::field)
                    .findFirst()
                    .orElse(null);
            if (saved == null
                    || !saved.descriptor().equals(unboxed.boxing().primitive().getDescriptor())
                    || (common != null && !common.equals(saved))) {
                return null;
            }
            common = saved;
        }
        return common;
    }

    /**
     * The type to keep a live local in: the one the source declared where the local variable
     * table gives it and the value fits it (so {@code boolean} stays {@code boolean}); else
     * {@code Object} for a reference, which is cast back to the verifier's type when restored,
     * since that type may differ from one yield to the next; null for a value always {@code null}.
     */
    private static String descriptor(BasicValue value, LocalVariableNode declared, HierarchyVerifier types) {
        Type actual = value.getType();
        Type wanted = declared == null ? null : Type.getType(declared.desc);
        if (HierarchyVerifier.isReference(actual)) {
            if (wanted != null
                    && HierarchyVerifier.isReference(wanted)
                    && (actual.equals(BasicInterpreter.NULL_TYPE) || types.isAssignableFrom(wanted, actual))) {
                return wanted.getDescriptor();
            }
            return actual.equals(BasicInterpreter.NULL_TYPE) ? null : OBJECT;
        }
        if (wanted != null && verifierSort(wanted) == actual.getSort()) {
            return wanted.getDescriptor();
        }
        return actual.getDescriptor();
    }

    /**
     * The class to cast a value restored from an {@code Object} field back to: its type at the
     * yield, with interfaces as {@code Object} (the verifier accepts any reference for them, and
     * a type merged from two interfaces is not always one the value has); null for no cast.
     */
    private static String castType(Type type, HierarchyVerifier types) {
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (element.getSort() == Type.OBJECT && types.isInterface(element)) {
            element = Type.getType(OBJECT);
        }
        Type cast = type.getSort() == Type.ARRAY
                ? Type.getType("[".repeat(type.getDimensions()) + element.getDescriptor())
                : element;
        return OBJECT.equals(cast.getDescriptor()) ? null : cast.getInternalName();
    }

    /** The sort the verifier gives a value of this type: booleans, bytes, chars and shorts are ints. */
    private static int verifierSort(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Type.INT;
            default -> type.getSort();
        };
    }

    /** The local variable table's entry for {@code slot} in scope at instruction {@code index}. */
    private static LocalVariableNode declaredAt(MethodNode method, int slot, int index) {
        if (method.localVariables == null) {
            return null;
        }
        for (LocalVariableNode variable : method.localVariables) {
            if (variable.index == slot
                    && method.instructions.indexOf(variable.start) <= index
                    && index < method.instructions.indexOf(variable.end)) {
                return variable;
            }
        }
        return null;
    }

    private static String parameterName(MethodNode method, int parameter, int slot) {
        if (method.localVariables != null) {
            for (LocalVariableNode variable : method.localVariables) {
                if (variable.index == slot && firstCode(method) >= method.instructions.indexOf(variable.start)) {
                    return variable.name;
                }
            }
        }
        if (method.parameters != null
                && parameter < method.parameters.size()
                && method.parameters.get(parameter).name != null) {
            return method.parameters.get(parameter).name;
        }
        return "arg" + parameter;
    }

    private static int firstCode(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() >= 0) {
                return method.instructions.indexOf(insn);
            }
        }
        return 0;
    }

    private static BitSet readSlots(InsnList code) {
        BitSet read = new BitSet();
        for (AbstractInsnNode insn : code) {
            if (insn instanceof VarInsnNode var
                    && ((var.getOpcode() >= Opcodes.ILOAD && var.getOpcode() <= Opcodes.ALOAD)
                            || var.getOpcode() == Opcodes.RET)) {
                read.set(var.var);
            } else if (insn instanceof IincInsnNode iinc) {
                read.set(iinc.var);
            }
        }
        return read;
    }

    private static BitSet assignedSlots(InsnList code) {
        BitSet assigned = new BitSet();
        for (AbstractInsnNode insn : code) {
            if (insn instanceof VarInsnNode var
                    && var.getOpcode() >= Opcodes.ISTORE
                    && var.getOpcode() <= Opcodes.ASTORE) {
                assigned.set(var.var);
            } else if (insn instanceof IincInsnNode iinc) {
                assigned.set(iinc.var);
            }
        }
        return assigned;
    }
}
