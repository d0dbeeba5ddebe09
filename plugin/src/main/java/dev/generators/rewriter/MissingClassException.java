package dev.generators.rewriter;

/**
 * A class the rewriter must know (its super classes decide a type where two paths of a rewritten
 * method meet) is on none of the class paths it was given. The rewriter refuses rather than guess:
 * a guessed frame is a {@code VerifyError} when the class loads.
 */
final class MissingClassException extends RuntimeException {

    final String className;

    MissingClassException(String internalName) {
        super("the rewritten code needs to know the class " + internalName.replace('/', '.')
                + " (its super classes decide a type where two paths of the method meet), which is not on the class path:"
                + " add the folder or jar that holds it to --classpath (command line), or the dependency that"
                + " holds it to the project (Maven), or make it visible to the class loader (agent)");
        this.className = internalName;
    }
}
