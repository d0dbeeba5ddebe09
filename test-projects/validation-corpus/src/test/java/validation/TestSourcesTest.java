package validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static validation.Collect.list;
import static validation.Collect.of;

import dev.generators.Generator;
import dev.generators.Yield;
import org.junit.jupiter.api.Test;

/** A generator in test sources, rewritten by the rewrite-tests goal. */
class TestSourcesTest {

    @Generator
    static Iterable<String> fruits(String... extra) {
        Yield.value("apple");
        for (String e : extra) {
            switch (e) {
                case "skip":
                    continue;
                default:
                    Yield.value(e);
            }
        }
        return Yield.done();
    }

    @Test
    void generatorInTestSources() {
        assertEquals(of("apple", "pear"), list(fruits("skip", "pear")));
    }
}
