package dev.generators.rewriter;

/**
 * What the build, the agent or the command line asks of a rewrite. Every entry point starts from
 * {@link #DEFAULT} and says what it changes.
 *
 * @param warnTypes whether a yield, send, result or delegation whose type can never fit the
 *     generator's declaration ({@link TypeChecks}) is a warning, the generator being rewritten all
 *     the same, rather than a refusal ({@code -Dgenerators.typeChecks=warn}, {@code --type-checks warn})
 * @param loadToVerify whether the JVM verifies the outputs too ({@link LoadCheck}): not while
 *     classes are being loaded, under the agent
 * @param visitsPerInstruction how many steps per instruction the analyses of a method may take
 *     before it is refused as too hard ({@link MethodAnalysis#VISITS_PER_INSTRUCTION}); smaller
 *     only in tests
 */
public record RewriteOptions(boolean warnTypes, boolean loadToVerify, int visitsPerInstruction) {

    /** Types that can never fit are refused; outputs are loaded to verify them; the usual bound. */
    public static final RewriteOptions DEFAULT = new RewriteOptions(false, true, MethodAnalysis.VISITS_PER_INSTRUCTION);

    public RewriteOptions {
        if (visitsPerInstruction < 1) {
            throw new IllegalArgumentException("visitsPerInstruction must be at least 1: " + visitsPerInstruction);
        }
    }

    /** These options with types that can never fit warned of ({@code warn}) or refused. */
    public RewriteOptions warningOfTypes(boolean warn) {
        return new RewriteOptions(warn, loadToVerify, visitsPerInstruction);
    }

    /** These options without loading the outputs to verify them: under the agent, which is loading them. */
    public RewriteOptions withoutLoading() {
        return new RewriteOptions(warnTypes, false, visitsPerInstruction);
    }

    /** These options with another bound on the analyses: a test's, to see a refusal quickly. */
    RewriteOptions boundedTo(int visitsPerInstruction) {
        return new RewriteOptions(warnTypes, loadToVerify, visitsPerInstruction);
    }
}
