package org.ubiopsgateway.emulator;

import io.vertx.core.Context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every call received under {@code /v2.1}, in arrival order, for tests to read and reset: how many
 * upstream calls the gateway really made, and which.
 */
public final class Journal {

    /** Upper bound so that a long benchmark cannot grow the emulator's heap without end. */
    static final int CAPACITY = 100_000;

    /** How long a reader waits at most for answers being written to be recorded. */
    private static final long WRITTEN_WITHIN_NANOS = 1_000_000_000L;

    private final ConcurrentLinkedDeque<JournalEntry> entries = new ConcurrentLinkedDeque<>();
    /**
     * The entries kept, counted here: the deque's own {@code size()} walks every entry, and trimming with it once held
     * the emulator's event loop for up to a second each 1,024 calls of a full journal.
     */
    private final AtomicInteger kept = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    /** Answers whose bytes are being written, each recorded once written. */
    private final AtomicInteger leaving = new AtomicInteger();

    /** The key under which a call's {@link Call} waits in its routing context for its answer. */
    static final String CALL = "ubiops.journal.call";

    /** A call arrived: it is in flight until its {@link Call} is answered. */
    Call started(String method, String path, String query) {
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        return new Call(nowMicros(), method, path, query);
    }

    /**
     * One call in flight, recorded once: as its answer has been written, so its time is when the answer left (the
     * bench measures from it), or as its connection is closed without one. While the answer is being written, readers
     * of the journal wait for it: the caller may hold the answer before the emulator's loop has gone on to record it.
     */
    final class Call {

        private final long receivedMicros;
        private final String method;
        private final String path;
        private final String query;
        // touched on the call's own event loop: as its answer's headers go out, as it ends or is dropped
        /** When its answer was handed to be written; 0 while it is not being written. */
        private long leavingMicros;
        private boolean recorded;

        private Call(long receivedMicros, String method, String path, String query) {
            this.receivedMicros = receivedMicros;
            this.method = method;
            this.path = path;
            this.query = query;
        }

        /** Its answer is being written. */
        void leaving() {
            if (!recorded && leavingMicros == 0) {
                leavingMicros = nowMicros();
                leaving.incrementAndGet();
            }
        }

        /** Records the call with its status, 0 for none; later answers of the same call are ignored. */
        void answered(String operation, int status) {
            if (recorded) {
                return;
            }
            recorded = true;
            inFlight.decrementAndGet();
            long answeredMicros = nowMicros();
            entries.addLast(new JournalEntry(sequence.incrementAndGet(), answeredMicros / 1000, receivedMicros,
                    leavingMicros != 0 ? leavingMicros : answeredMicros, answeredMicros, method, path, query, operation,
                    status));
            if (leavingMicros != 0) {
                leaving.decrementAndGet(); // after the entry: a reader that sees none leaving sees it
            }
            // a clear racing this call leaves the count off by the calls in flight: it bounds memory, not exactly
            if (kept.incrementAndGet() > CAPACITY && entries.pollFirst() != null) {
                kept.decrementAndGet();
            }
        }
    }

    /**
     * Waits, briefly, until every answer being written has been recorded. Not on an event loop: the emulator's own
     * (its control routes) records each answer in the same event that writes it, and a gateway's must not be held.
     */
    private void awaitWritten() {
        if (Context.isOnEventLoopThread()) {
            return;
        }
        long until = System.nanoTime() + WRITTEN_WITHIN_NANOS;
        while (leaving.get() > 0 && System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
    }

    /** Wall-clock microseconds since the epoch, for entries' arrival and answer times. */
    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    public List<JournalEntry> entries() {
        awaitWritten();
        return new ArrayList<>(entries);
    }

    /** Entries for one operation id (e.g. {@code deployments_list}). */
    public List<JournalEntry> entries(String operation) {
        awaitWritten();
        return entries.stream().filter(e -> operation.equals(e.operation())).toList();
    }

    public int count(String operation) {
        return entries(operation).size();
    }

    public int size() {
        awaitWritten();
        return entries.size();
    }

    /**
     * The most calls that were in flight at once since the last {@link #clear}: shows whether a client called in
     * parallel, and whether it kept to a concurrency bound.
     */
    public int peakConcurrency() {
        return peak.get();
    }

    public void clear() {
        entries.clear();
        kept.set(0);
        peak.set(inFlight.get());
    }
}
