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

    /** A call arrived: it is in flight until {@link #record}ed. */
    void started() {
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    void record(long receivedMicros, String method, String path, String query, String operation, int status) {
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
