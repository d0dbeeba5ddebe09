package shapes;

import dev.generators.Generator;
import dev.generators.Yield;

/** An instance generator in a subclass that calls a super method and reads protected state. */
public class Animals {

    public static class Animal {
        protected final String name;

        public Animal(String name) {
            this.name = name;
        }

        public String sound() {
            return "...";
        }

        @Generator
        public Iterable<String> speak(int times) {
            for (int i = 0; i < times; i++) {
                Yield.value(name + " says " + sound());
            }
            return Yield.done();
        }
    }

    public static class Dog extends Animal {
        public Dog(String name) {
            super(name);
        }

        @Override
        public String sound() {
            return "woof";
        }

        /** {@code super.sound()} and {@code super.speak()} from inside a generator body. */
        @Generator
        public Iterable<String> both() {
            Yield.value(sound());
            Yield.value(super.sound());
            Yield.all(super.speak(1));
            Yield.value(name);
            return Yield.done();
        }

        /** Overrides a generator with a generator, and delegates to the overridden one. */
        @Generator
        @Override
        public Iterable<String> speak(int times) {
            Yield.value("growl");
            Yield.all(super.speak(times));
            return Yield.done();
        }
    }

    /** A tree whose instance generator recurses through Yield.all on its children. */
    public record Tree(int value, Tree left, Tree right) {
        @Generator
        public Iterable<Integer> walk() {
            if (left != null) {
                Yield.all(left.walk());
            }
            Yield.value(value);
            if (right != null) {
                Yield.all(right.walk());
            }
            return Yield.done();
        }
    }
}
