package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.StateMachine;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * The contract between generated classes and the runtime, tested by what runs: each method a
 * generated class declares overrides one of {@link StateMachine}'s (so that making a hook
 * package-private, or changing its signature, fails here rather than silently losing the
 * override), calling the hook through {@code StateMachine} reaches the generated code, and the
 * names the runtime reads back from a generated class's name are the owner and method the
 * rewriter wrote.
 */
class RuntimeContractTest {

    private static final String SOURCE = """
            package contract;
            import dev.generators.*;
            import java.util.*;
            public class Hooks {
                @Generator
                public static Iterable<Integer> counted(int n) {
                    for (int i = 0; i < n; i++) Yield.value(i);
                    return Yield.done();
                }
                @Generator
                public static Iterator<Object> counted(String s) {
                    Yield.value(s);
                    return Yield.done();
                }
                @Generator
                public static Iterator<Object> delegating() {
                    Yield.all(List.of("a"));
                    return Yield.done();
                }
                @Generator
                public static Iterator<Object> with$dollar() {
                    Yield.value("d");
                    return Yield.done();
                }
                public static class Inner {
                    @Generator
                    public Iterator<Object> nested() {
                        Yield.value("n");
                        return Yield.done();
                    }
                }
                public interface Face {
                    @Generator
                    default Iterator<Object> fromInterface() {
                        Yield.value("f");
                        return Yield.done();
                    }
                }
            }
            """;

    private static Map<String, byte[]> classes;

    private static synchronized Class<?> load(String name) throws Exception {
        if (classes == null) {
            classes = Compiler.rewrite(SOURCE);
        }
        return Compiler.define(classes, "contract/Hooks").getClassLoader().loadClass(name);
    }

    private static List<Class<?>> generatedClasses() throws Exception {
        load("contract.Hooks");
        List<Class<?>> generated = new ArrayList<>();
        ClassLoader loader = Compiler.define(classes, "contract/Hooks").getClassLoader();
        for (String name : classes.keySet()) {
            if (name.contains("$Generator")) {
                generated.add(loader.loadClass(name.replace('/', '.')));
            }
        }
        return generated;
    }

    @Test
    void everyMethodAGeneratedClassDeclaresOverridesAStateMachineHook() throws Exception {
        List<String> overridden = new ArrayList<>();
        for (Class<?> generated : generatedClasses()) {
            assertSame(StateMachine.class, generated.getSuperclass());
            for (Method method : generated.getDeclaredMethods()) {
                Method hook = StateMachine.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
                int modifiers = hook.getModifiers();
                assertTrue(
                        Modifier.isProtected(modifiers) || Modifier.isPublic(modifiers),
                        () -> hook + " must be visible to a subclass in another package");
                assertFalse(Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers), hook::toString);
                assertTrue(hook.getReturnType().isAssignableFrom(method.getReturnType()), hook::toString);
                overridden.add(method.getName());
            }
        }
        assertTrue(
                overridden.containsAll(List.of("resume", "restart", "valueYielded", "delegates")),
                () -> "hooks seen: " + overridden);
    }

    @Test
    void eachHookCalledThroughTheStateMachineRunsTheGeneratedCode() throws Exception {
        Class<?> hooks = load("contract.Hooks");
        StateMachine<?, ?, ?> counted =
                (StateMachine<?, ?, ?>) hooks.getMethod("counted", int.class).invoke(null, 2);
        StateMachine<?, ?, ?> delegating =
                (StateMachine<?, ?, ?>) hooks.getMethod("delegating").invoke(null);

        assertEquals(
                false,
                hook("delegates").invoke(counted),
                "the generated delegates() answers for a body without Yield.all");
        assertEquals(true, hook("delegates").invoke(delegating), "the runtime's answer for a body with one");

        Object fresh = hook("restart").invoke(counted);
        assertSame(counted.getClass(), fresh.getClass(), "restart() makes a new run of the same generator");

        assertEquals(0, counted.next());
        // Every yield of counted boxes an int: the body keeps it unboxed and the generated
        // valueYielded boxes it, where the runtime's would hand back its argument.
        assertEquals(0, hook("valueYielded", Object.class).invoke(counted, (Object) null));
        Object resumed = hook("resume").invoke(fresh);
        assertEquals(null, resumed, "the body returns null where valueYielded boxes");
        assertEquals(0, hook("valueYielded", Object.class).invoke(fresh, (Object) null));
    }

    private static Method hook(String name, Class<?>... parameters) throws NoSuchMethodException {
        Method method = StateMachine.class.getDeclaredMethod(name, parameters);
        method.setAccessible(true);
        return method;
    }

    @Test
    void theRuntimeNamesEachGeneratorAsTheRewriterNamedIt() throws Exception {
        Class<?> hooks = load("contract.Hooks");
        assertFinishedAs(
                "contract.Hooks.counted", hooks.getMethod("counted", int.class).invoke(null, 0));
        assertFinishedAs(
                "contract.Hooks.counted",
                hooks.getMethod("counted", String.class).invoke(null, "x"));
        assertFinishedAs(
                "contract.Hooks.with$dollar", hooks.getMethod("with$dollar").invoke(null));
        Class<?> inner = load("contract.Hooks$Inner");
        Constructor<?> constructor = inner.getConstructor();
        assertFinishedAs(
                "contract.Hooks$Inner.nested", inner.getMethod("nested").invoke(constructor.newInstance()));
        Class<?> face = load("contract.Hooks$Face");
        Object implementation = java.lang.reflect.Proxy.newProxyInstance(
                face.getClassLoader(), new Class<?>[] {face}, (proxy, method, arguments) -> {
                    return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, arguments);
                });
        assertFinishedAs(
                "contract.Hooks$Face.fromInterface",
                face.getMethod("fromInterface").invoke(implementation));
    }

    private static void assertFinishedAs(String name, Object generator) {
        Iterator<?> iterator =
                generator instanceof Iterable<?> iterable ? iterable.iterator() : (Iterator<?>) generator;
        while (iterator.hasNext()) {
            assertNotNull(iterator.next());
        }
        NoSuchElementException finished = assertThrows(NoSuchElementException.class, iterator::next);
        assertEquals("generator " + name + " has finished", finished.getMessage());
    }
}
