package validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static validation.Collect.coroutine;
import static validation.Collect.list;
import static validation.Collect.of;

import dev.generators.Coroutine;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class LambdasTest {

    @Test
    void capturingLambdaAndMethodReferences() {
        assertEquals(of("BB!", "A!", "CCC!", "count 3", "[a, bb, ccc]", "BB!"),
                list(Lambdas.mapped(of("bb", "a", "ccc"), "!")));
    }

    @Test
    void lambdasCapturingThis() {
        assertEquals(of(10, 11, 20, 21, 30, 31, 30), list(new Lambdas(10).scaled(of(1, 2, 3))));
    }

    @Test
    void lambdaMutatingACapturedArray() {
        assertEquals(of(1, 3, 5), list(Lambdas.counter(3)));
    }

    @Test
    void anonymousAndLocalClasses() {
        assertEquals(of("anon 2", "anon 3", "local 2/4", "local 3/4"), list(Lambdas.innerClasses(2, 4)));
    }

    @Test
    void sentValueCapturedByALambda() {
        assertEquals(of("sep?", "a,b,"), list(Lambdas.joined(of("a", "b"), ",")));
        Coroutine<String, Object, Object> c = coroutine(Lambdas.joined(of("a", "b"), ",").iterator());
        assertEquals("sep?", c.next());
        assertEquals("a;b;", c.send(";"));
        assertThrows(NoSuchElementException.class, () -> c.send(null));
    }
}
