package shapes;

import dev.generators.Generator;
import dev.generators.Yield;

/** An enum whose instance generator reads the constant's fields. */
public enum Planet {
    MERCURY(3.303e+23, 2.4397e6),
    EARTH(5.976e+24, 6.37814e6),
    JUPITER(1.9e+27, 7.1492e7);

    private final double mass;
    private final double radius;

    Planet(double mass, double radius) {
        this.mass = mass;
        this.radius = radius;
    }

    /** Yields name, then mass and radius, then whether it is the heaviest of all planets so far. */
    @Generator
    public Iterable<Object> facts() {
        Yield.value(name());
        Yield.value(mass);
        Yield.value(radius);
        boolean heaviest = true;
        for (Planet p : values()) {
            if (p.mass > mass) {
                heaviest = false;
            }
        }
        Yield.value(heaviest);
        return Yield.done();
    }

    /** A static generator over the enum's constants. */
    @Generator
    public static Iterable<String> smallerThan(Planet limit) {
        for (Planet p : values()) {
            if (p.radius < limit.radius) {
                Yield.value(p.name());
            }
        }
        return Yield.done();
    }
}
