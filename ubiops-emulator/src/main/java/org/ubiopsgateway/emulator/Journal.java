package org.ubiopsgateway.emulator;

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

    private final ConcurrentLinkedDeque<JournalEntry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    /** The key under which a call's {@link Call} waits in its routing context for its answer. */
    static final String CALL = "ubiops.journal.call";

    /** A call arrived: it is in flight until its {@link Call} is answered. */
    Call started(String method, String path, String query) {
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        return new Call(nowMicros(), method, path, query);
    }

    /**
     * One call in flight, recorded once: when its answer is decided, just before that answer's first byte leaves
     * (or the connection is closed without one). Recorded after the bytes, an entry could still be missing when
     * the caller already holds the answer and reads the journal.
     */
    final class Call {

        private final long receivedMicros;
        private final String method;
        private final String path;
        private final String query;
        private boolean recorded; // answered and dropped run on the call's own event loop

        private Call(long receivedMicros, String method, String path, String query) {
            this.receivedMicros = receivedMicros;
            this.method = method;
            this.path = path;
            this.query = query;
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
                    answeredMicros, method, path, query, operation, status));
            if (sequence.get() % 1024 == 0) {
                while (entries.size() > CAPACITY) {
                    entries.pollFirst();
                }
            }
        }
    }

    /** Wall-clock microseconds since the epoch, for entries' arrival and answer times. */
    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    public List<JournalEntry> entries() {
        return new ArrayList<>(entries);
    }

    /** Entries for one operation id (e.g. {@code deployments_list}). */
    public List<JournalEntry> entries(String operation) {
        return entries.stream().filter(e -> operation.equals(e.operation())).toList();
    }

    public int count(String operation) {
        return (int) entries.stream().filter(e -> operation.equals(e.operation())).count();
    }

    public int size() {
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
        peak.set(inFlight.get());
    }
}
