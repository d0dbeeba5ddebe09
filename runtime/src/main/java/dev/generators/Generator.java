package dev.generators;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body is a generator: every {@link Yield#value} suspends it, and a call
 * returns at once with a lazy {@link Iterable}, {@link java.util.Iterator},
 * {@link java.util.stream.Stream} or {@link Coroutine} that runs the body on demand.
 *
 * <p>The annotation does nothing by itself: the {@code generators-maven-plugin} rewrites each
 * annotated method after javac into a state machine. The method must be concrete, not
 * {@code synchronized}, and declare one of the four return types above; its body ends with
 * {@code return Yield.done();} or {@code return Yield.done(result);}.
 *
 * <pre>{@code
 * @Generator
 * static Iterable<Long> fibonacci(int count) {
 *     long a = 0, b = 1;
 *     for (int i = 0; i < count; i++) {
 *         Yield.value(a);
 *         long t = a + b; a = b; b = t;
 *     }
 *     return Yield.done();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Generator {

    /**
     * Added by the rewriter to a {@code @Generator} method it has rewritten, so that running it
     * again leaves the class alone. Not for use in source code.
     */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.METHOD)
    @interface Rewritten {
        /** The name of the class that now holds the method's frame. */
        String value();
    }

    /**
     * Added by the rewriter to a {@code @Generator} method whose body it replaced by the creation
     * of the generator: that code is generated, and coverage tools that leave out methods with an
     * annotation named {@code Generated} (JaCoCo) leave it out. They report the body, which moved
     * to the method {@code name-body} beside it, line by line. Not for use in source code.
     */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.METHOD)
    @interface Generated {}
}
