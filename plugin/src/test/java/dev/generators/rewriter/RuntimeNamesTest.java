package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Generator;
import dev.generators.StateMachine;
import dev.generators.Yield;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

/** The names the rewriter writes into class files are those of the runtime it will run with. */
class RuntimeNamesTest {

    private static Set<String> methods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .map(m -> m.getName() + Type.getMethodDescriptor(m))
                .collect(Collectors.toSet());
    }

    @Test
    void everyYieldCallTheRewriterKnowsIsOneTheRuntimeDeclares() {
        Set<String> declared = methods(Yield.class);
        for (YieldCall call : YieldCall.values()) {
            assertTrue(declared.contains(call.name + call.descriptor), call::toString);
        }
        long publicCalls = Arrays.stream(Yield.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .count();
        assertEquals(YieldCall.values().length, publicCalls, "a Yield call the rewriter does not know");
    }

    @Test
    void theStateMachineHasWhatGeneratedCodeCalls() throws Exception {
        Set<String> declared = methods(StateMachine.class);
        for (String method : new String[] {
            RuntimeNames.RESUME + RuntimeNames.RESUME_DESC,
            RuntimeNames.RESTART + RuntimeNames.RESTART_DESC,
            RuntimeNames.HAS_NEXT + RuntimeNames.HAS_NEXT_DESC,
            RuntimeNames.NEXT + RuntimeNames.NEXT_DESC,
            RuntimeNames.VALUE_YIELDED + RuntimeNames.VALUE_YIELDED_DESC,
            RuntimeNames.DELEGATES + RuntimeNames.DELEGATES_DESC,
            RuntimeNames.RECEIVED + RuntimeNames.RECEIVED_DESC,
            RuntimeNames.AS_STREAM + RuntimeNames.AS_STREAM_DESC,
            RuntimeNames.COROUTINE_CREATED + RuntimeNames.COROUTINE_CREATED_DESC,
            RuntimeNames.YIELD_ALL + RuntimeNames.YIELD_ALL_ITERABLE_DESC,
            RuntimeNames.YIELD_ALL + RuntimeNames.YIELD_ALL_ITERATOR_DESC
        }) {
            assertTrue(declared.contains(method), method);
        }
        assertEquals(
                RuntimeNames.STATE_DESC,
                Type.getDescriptor(
                        StateMachine.class.getField(RuntimeNames.STATE).getType()));
        assertEquals(RuntimeNames.STATE_MACHINE, Type.getInternalName(StateMachine.class));
        assertEquals(RuntimeNames.YIELD, Type.getInternalName(Yield.class));
        assertEquals(RuntimeNames.GENERATOR, Type.getDescriptor(Generator.class));
        assertEquals(RuntimeNames.REWRITTEN, Type.getDescriptor(Generator.Rewritten.class));
        assertEquals(RuntimeNames.GENERATED, Type.getDescriptor(Generator.Generated.class));
        for (String overridden : new String[] {RuntimeNames.HAS_NEXT, RuntimeNames.NEXT}) {
            Method method = StateMachine.class.getMethod(overridden);
            assertTrue(
                    !Modifier.isFinal(method.getModifiers()) && Modifier.isPublic(method.getModifiers()),
                    "every generated class overrides " + overridden);
        }
        Method received = StateMachine.class.getMethod(RuntimeNames.RECEIVED);
        assertTrue(Modifier.isPublic(received.getModifiers()), "the body, in the user's class, calls it");
    }
}
