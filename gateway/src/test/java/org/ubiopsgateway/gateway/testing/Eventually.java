package org.ubiopsgateway.gateway.testing;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what is recorded a moment after an answer, or on another thread: an access log line or a span written
 * once the answer's bytes are out, a metric counted as the response ends, a message between replicas. A test that
 * reads such a thing right after its answer races it on a loaded machine; this polls instead, briefly, and fails
 * saying what it last saw when the effect never comes.
 */
public final class Eventually {

    /** Far longer than such an effect takes on a loaded 2-core machine; short enough that a missing one fails soon. */
    public static final Duration WITHIN = Duration.ofSeconds(5);
    private static final Duration PAUSE = Duration.ofMillis(10);

    private Eventually() {
    }

    /** The first value of {@code probe} that {@code done} accepts (at once when the first does). */
    public static <T> T await(String what, Supplier<T> probe, Predicate<? super T> done) {
        return await(what, probe, done, String::valueOf);
    }

    /** As {@link #await(String, Supplier, Predicate)}; a failure shows the last value as {@code shown} puts it. */
    public static <T> T await(String what, Supplier<T> probe, Predicate<? super T> done,
                              Function<? super T, String> shown) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("not within " + WITHIN.toSeconds() + " s: " + what + "; last seen: "
                        + shown.apply(value));
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
