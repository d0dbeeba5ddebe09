package dev.generators.rewriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * A Java type as a class file's {@code Signature} attribute spells it ({@code Iterable<? extends
 * Number>}, {@code T[]}, {@code Map.Entry<K, V>}), read with ASM's {@link SignatureReader}: what
 * {@link TypeChecks} compares. {@link Unknown} stands for a type the class files do not tell (a
 * type variable no one substituted, a raw use), which is never an error.
 */
sealed interface GenericType {

    /** A class or interface, with the type arguments of its innermost part (none: raw or not generic). */
    record ClassType(String name, List<Argument> arguments) implements GenericType {
        static ClassType raw(String name) {
            return new ClassType(name, List.of());
        }
    }

    /** A type variable, by name, to be looked up among the declarations in scope. */
    record Variable(String name) implements GenericType {}

    record ArrayOf(GenericType component) implements GenericType {}

    /** A primitive, by its descriptor letter: only ever the component of an array. */
    record Primitive(char descriptor) implements GenericType {}

    /** What the class files do not tell. */
    record Unknown() implements GenericType {}

    /**
     * One type argument.
     *
     * @param wildcard {@code =} for a type, {@code +} for {@code ? extends}, {@code -} for
     *     {@code ? super}, {@code *} for a plain {@code ?} (whose bound is null)
     */
    record Argument(char wildcard, GenericType bound) {
        static final Argument UNBOUNDED = new Argument('*', null);
    }

    /** A method's signature: its type parameters with their bounds, its parameters, its return type. */
    record Method(Map<String, List<GenericType>> typeParameters, List<GenericType> parameters, GenericType returned) {}

    /** A class's signature: its type parameters with their bounds and its direct super types. */
    record Declaration(Map<String, List<GenericType>> typeParameters, List<ClassType> superTypes) {}

    GenericType UNKNOWN = new Unknown();

    /** The type a field or local's signature spells, or its descriptor's when it has none. */
    static GenericType ofField(String signature, String descriptor) {
        if (signature == null) {
            return ofDescriptor(Type.getType(descriptor));
        }
        GenericType[] type = {UNKNOWN};
        new SignatureReader(signature).acceptType(new Builder(t -> type[0] = t));
        return type[0];
    }

    /** A raw type from a descriptor's type. */
    static GenericType ofDescriptor(Type type) {
        return switch (type.getSort()) {
            case Type.OBJECT -> ClassType.raw(type.getInternalName());
            case Type.ARRAY ->
                new ArrayOf(ofDescriptor(Type.getType(type.getDescriptor().substring(1))));
            default -> new Primitive(type.getDescriptor().charAt(0));
        };
    }

    /** The method's signature, or one made of its descriptor's raw types when it has none. */
    static Method ofMethod(String signature, String descriptor) {
        if (signature == null) {
            List<GenericType> parameters = new ArrayList<>();
            for (Type parameter : Type.getArgumentTypes(descriptor)) {
                parameters.add(ofDescriptor(parameter));
            }
            return new Method(Map.of(), parameters, ofDescriptor(Type.getReturnType(descriptor)));
        }
        Map<String, List<GenericType>> typeParameters = new LinkedHashMap<>();
        List<GenericType> parameters = new ArrayList<>();
        GenericType[] returned = {UNKNOWN};
        new SignatureReader(signature).accept(new Formals(typeParameters) {
            @Override
            public SignatureVisitor visitParameterType() {
                int index = parameters.size();
                parameters.add(UNKNOWN);
                return new Builder(t -> parameters.set(index, t));
            }

            @Override
            public SignatureVisitor visitReturnType() {
                return new Builder(t -> returned[0] = t);
            }

            @Override
            public SignatureVisitor visitExceptionType() {
                return new Builder(t -> {});
            }
        });
        return new Method(typeParameters, parameters, returned[0]);
    }

    /** The class's signature, or its raw super types when it has none. */
    static Declaration ofClass(String signature, String superName, List<String> interfaces) {
        List<ClassType> superTypes = new ArrayList<>();
        if (signature == null) {
            if (superName != null) {
                superTypes.add(ClassType.raw(superName));
            }
            interfaces.forEach(name -> superTypes.add(ClassType.raw(name)));
            return new Declaration(Map.of(), superTypes);
        }
        Map<String, List<GenericType>> typeParameters = new LinkedHashMap<>();
        Consumer<GenericType> superType = t -> {
            if (t instanceof ClassType type) {
                superTypes.add(type);
            }
        };
        new SignatureReader(signature).accept(new Formals(typeParameters) {
            @Override
            public SignatureVisitor visitSuperclass() {
                return new Builder(superType);
            }

            @Override
            public SignatureVisitor visitInterface() {
                return new Builder(superType);
            }
        });
        return new Declaration(typeParameters, superTypes);
    }

    /**
     * This type with each variable that {@code values} knows replaced by its argument: a type for
     * {@code =}, the bound of a {@code ? extends} (what every value of the captured type is),
     * {@link Unknown} for {@code ? super} and {@code ?}; variables it does not know stay.
     */
    default GenericType substitute(Function<String, Argument> values) {
        if (this instanceof Variable variable) {
            Argument value = values.apply(variable.name());
            if (value == null) {
                return this;
            }
            return value.wildcard() == '=' || value.wildcard() == '+' ? value.bound() : UNKNOWN;
        }
        if (this instanceof ArrayOf array) {
            return new ArrayOf(array.component().substitute(values));
        }
        if (this instanceof ClassType type) {
            List<Argument> arguments = new ArrayList<>();
            for (Argument argument : type.arguments()) {
                arguments.add(substitute(argument, values));
            }
            return new ClassType(type.name(), arguments);
        }
        return this;
    }

    /**
     * {@code List<E>} with {@code E := ? extends Number} is {@code List<? extends Number>}; a
     * wildcard over a wildcard of the other direction is a plain {@code ?}.
     */
    private static Argument substitute(Argument argument, Function<String, Argument> values) {
        if (argument.bound() == null) {
            return argument;
        }
        if (argument.bound() instanceof Variable variable && values.apply(variable.name()) != null) {
            Argument value = values.apply(variable.name());
            if (argument.wildcard() == '=') {
                return value;
            }
            return value.wildcard() == '=' || value.wildcard() == argument.wildcard()
                    ? new Argument(argument.wildcard(), value.bound())
                    : Argument.UNBOUNDED;
        }
        return new Argument(argument.wildcard(), argument.bound().substitute(values));
    }

    /** As the source would say it, with packages: {@code java.lang.Iterable<? extends java.lang.Number>}. */
    default String toJava() {
        if (this instanceof ClassType type) {
            StringBuilder text = new StringBuilder(TypeChecks.name(Type.getObjectType(type.name())));
            if (!type.arguments().isEmpty()) {
                text.append('<');
                for (int i = 0; i < type.arguments().size(); i++) {
                    Argument argument = type.arguments().get(i);
                    text.append(i > 0 ? ", " : "");
                    if (argument.wildcard() == '*') {
                        text.append('?');
                    } else {
                        text.append(
                                        argument.wildcard() == '+'
                                                ? "? extends "
                                                : argument.wildcard() == '-' ? "? super " : "")
                                .append(argument.bound().toJava());
                    }
                }
                text.append('>');
            }
            return text.toString();
        }
        if (this instanceof Variable variable) {
            return variable.name();
        }
        if (this instanceof ArrayOf array) {
            return array.component().toJava() + "[]";
        }
        if (this instanceof Primitive primitive) {
            return Type.getType(String.valueOf(primitive.descriptor())).getClassName();
        }
        return "?";
    }

    /** Builds one type from the visits of a type signature. */
    final class Builder extends SignatureVisitor {
        private final Consumer<GenericType> done;
        private String name;
        private List<Argument> arguments;

        Builder(Consumer<GenericType> done) {
            super(Opcodes.ASM9);
            this.done = done;
        }

        @Override
        public void visitBaseType(char descriptor) {
            done.accept(new Primitive(descriptor));
        }

        @Override
        public void visitTypeVariable(String variable) {
            done.accept(new Variable(variable));
        }

        @Override
        public SignatureVisitor visitArrayType() {
            return new Builder(component -> done.accept(new ArrayOf(component)));
        }

        @Override
        public void visitClassType(String className) {
            name = className;
            arguments = new ArrayList<>();
        }

        @Override
        public void visitInnerClassType(String innerName) {
            name = name + "$" + innerName;
            arguments = new ArrayList<>();
        }

        @Override
        public void visitTypeArgument() {
            arguments.add(Argument.UNBOUNDED);
        }

        @Override
        public SignatureVisitor visitTypeArgument(char wildcard) {
            List<Argument> into = arguments;
            int index = into.size();
            into.add(Argument.UNBOUNDED);
            return new Builder(bound -> into.set(index, new Argument(wildcard, bound)));
        }

        @Override
        public void visitEnd() {
            done.accept(new ClassType(name, List.copyOf(arguments)));
        }
    }

    /** Collects the formal type parameters of a class or method signature with their bounds. */
    class Formals extends SignatureVisitor {
        private final Map<String, List<GenericType>> typeParameters;
        private List<GenericType> bounds;

        Formals(Map<String, List<GenericType>> typeParameters) {
            super(Opcodes.ASM9);
            this.typeParameters = typeParameters;
        }

        @Override
        public void visitFormalTypeParameter(String name) {
            bounds = new ArrayList<>();
            typeParameters.put(name, bounds);
        }

        @Override
        public SignatureVisitor visitClassBound() {
            return new Builder(bounds::add);
        }

        @Override
        public SignatureVisitor visitInterfaceBound() {
            return new Builder(bounds::add);
        }
    }
}
