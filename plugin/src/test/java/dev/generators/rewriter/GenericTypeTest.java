package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.generators.rewriter.GenericType.Argument;
import dev.generators.rewriter.GenericType.ClassType;
import dev.generators.rewriter.GenericType.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures read into {@link GenericType}s, substituted and written back as Java. */
class GenericTypeTest {

    @Test
    void aMethodSignatureGivesItsTypeParametersWithBoundsParametersAndReturnType() {
        GenericType.Method method = GenericType.ofMethod(
                "<T:Ljava/lang/Number;:Ljava/lang/Comparable<TT;>;>(Ljava/util/List<+TT;>;[I)"
                        + "Ldev/generators/Coroutine<TT;*Ljava/lang/String;>;",
                "(Ljava/util/List;[I)Ldev/generators/Coroutine;");
        assertEquals(List.of("T"), List.copyOf(method.typeParameters().keySet()));
        assertEquals(
                List.of("Number", "Comparable<T>"),
                method.typeParameters().get("T").stream()
                        .map(GenericType::toJava)
                        .toList());
        assertEquals("java.util.List<? extends T>", method.parameters().get(0).toJava());
        assertEquals("int[]", method.parameters().get(1).toJava());
        assertEquals("dev.generators.Coroutine<T, ?, String>", method.returned().toJava());
    }

    @Test
    void withoutASignatureTheDescriptorGivesRawTypes() {
        GenericType.Method method = GenericType.ofMethod(null, "(Ljava/util/List;)Ljava/lang/Iterable;");
        assertEquals(ClassType.raw("java/util/List"), method.parameters().get(0));
        assertEquals(ClassType.raw("java/lang/Iterable"), method.returned());
    }

    @Test
    void anInnerClassTypeIsNamedAsItsClassFile() {
        assertEquals(
                "java.util.Map$Entry<String, Integer>",
                GenericType.ofField("Ljava/util/Map$Entry<Ljava/lang/String;Ljava/lang/Integer;>;", null)
                        .toJava());
        assertEquals(
                new ClassType("p/Outer$Inner", List.of(new Argument('=', ClassType.raw("java/lang/String")))),
                GenericType.ofField("Lp/Outer<TT;>.Inner<Ljava/lang/String;>;", null));
    }

    @Test
    void substitutingKeepsTheDirectionOfWildcards() {
        Map<String, Argument> values = Map.of(
                "E", new Argument('+', ClassType.raw("java/lang/Number")),
                "K", new Argument('-', ClassType.raw("java/lang/Integer")));
        GenericType list = GenericType.ofField("Ljava/util/List<TE;>;", null);
        assertEquals(
                "java.util.List<? extends Number>", list.substitute(values::get).toJava());
        GenericType superOfExtends = GenericType.ofField("Ljava/util/List<-TE;>;", null);
        assertEquals("java.util.List<?>", superOfExtends.substitute(values::get).toJava());
        GenericType superOfSuper = GenericType.ofField("Ljava/util/List<-TK;>;", null);
        assertEquals(
                "java.util.List<? super Integer>",
                superOfSuper.substitute(values::get).toJava());
        assertEquals(ClassType.raw("java/lang/Number"), new Variable("E").substitute(values::get));
        assertEquals(GenericType.UNKNOWN, new Variable("K").substitute(values::get));
        assertEquals(new Variable("X"), new Variable("X").substitute(values::get));
    }

    @Test
    void aClassSignatureGivesItsGenericSuperTypes() {
        GenericType.Declaration declaration = GenericType.ofClass(
                "<E:Ljava/lang/Object;>Ljava/util/AbstractList<TE;>;Ljava/util/RandomAccess;",
                "java/util/AbstractList",
                List.of("java/util/RandomAccess"));
        assertEquals(List.of("E"), List.copyOf(declaration.typeParameters().keySet()));
        assertEquals(
                List.of("java.util.AbstractList<E>", "java.util.RandomAccess"),
                declaration.superTypes().stream().map(GenericType::toJava).toList());
    }
}
