package org.ubiopsgateway.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bucket on a clock of its own: exact, and independent of how fast the machine is. */
class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aFullBucketGivesItsBurstThenSaysHowLongUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(3, 2, 0);
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(SECOND / 2, bucket.take(0), "two a second: the next token in half a second");
        assertEquals(SECOND / 4, bucket.take(SECOND / 4), "a refused request spends nothing");
    }

    @Test
    void tokensComeBackAtTheRateAndNeverBeyondTheBurst() {
        TokenBucket bucket = new TokenBucket(2, 1, 0);
        bucket.take(0);
        bucket.take(0);
        assertEquals(0, bucket.take(SECOND));
        assertEquals(SECOND, bucket.take(SECOND));
        long later = 100 * SECOND;
        assertEquals(0, bucket.take(later));
        assertEquals(0, bucket.take(later));
        assertEquals(SECOND, bucket.take(later), "a long pause refills the burst, no more");
    }
}
