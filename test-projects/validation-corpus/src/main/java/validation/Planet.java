package validation;

import dev.generators.Generator;
import dev.generators.Yield;

/** A generator on an enum, and one on an enum constant's own class body. */
public enum Planet {
    MERCURY(1),
    EARTH(3) {
        @Override
        @Generator
        public Iterable<String> facts() {
            Yield.value("home");
            for (String fact : Planet.MERCURY.facts()) {
                Yield.value("not " + fact);
            }
            return Yield.done();
        }
    };

    private final int order;

    Planet(int order) {
        this.order = order;
    }

    @Generator
    public Iterable<String> facts() {
        Yield.value(name().toLowerCase());
        Yield.value("order " + order);
        switch (this) {
            case MERCURY:
                Yield.value("closest");
                break;
            default:
                Yield.value("farther");
        }
        return Yield.done();
    }
}
