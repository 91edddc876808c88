package dev.heapdelta.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test body {@link #warmup()} times, then {@link #iterations()} times more, dumps this JVM's live heap
 * after the warm-up and after each further iteration, diffs the dumps, and fails with an {@link AssertionError}
 * naming the leak when a suspect grows at every step. On a class, it applies to every test method.
 *
 * <p>The repetitions happen inside one test invocation: {@code @BeforeEach} and {@code @AfterEach} run once,
 * around all of them, so that what a test leaves behind accumulates as it would in a long-running service.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ExtendWith(LeakTestExtension.class)
public @interface LeakTest {

    /** How many measured runs of the body follow the warm-up; each is followed by a dump. At least 1. */
    int iterations() default 5;

    /** How many runs before the first dump, so that caches, class loading and lazy singletons settle. */
    int warmup() default 2;

    /**
     * The least growth at each step that counts: a plain number is entries (elements of a collection,
     * instances of a class), a number with a unit ({@code 512B}, {@code 64KB}, {@code 1MB}) is retained bytes.
     */
    String minGrowthPerIteration() default "1";

    /**
     * Path keys to leave alone, as patterns where {@code *} stands for any text, e.g.
     * {@code "static SessionRegistry.*"} or {@code "*.listeners"}.
     */
    String[] ignore() default {};

    /**
     * {@code growing} (the default): fail when a suspect grows at every step. A size such as {@code 1MB}:
     * fail when a suspect's retained size grew by more than that from the first dump to the last, growing
     * at every step or not.
     */
    String failOn() default "growing";
}
