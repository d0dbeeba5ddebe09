package shapes;

import dev.generators.Generator;
import dev.generators.Yield;

/** A helper class in the test sources (not a test) with a generator. */
final class TestSupportGenerators {

    private TestSupportGenerators() {
    }

    @Generator
    static Iterable<String> prefixes(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            if (i > 1) {
                sb.append(' ');
            }
            sb.append(i);
            Yield.value(sb.toString());
        }
        return Yield.done();
    }
}
