package org.ubiopsgateway.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
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

    void record(String method, String path, String query, String operation, int status) {
        entries.addLast(new JournalEntry(sequence.incrementAndGet(), System.currentTimeMillis(),
                method, path, query, operation, status));
        if (sequence.get() % 1024 == 0) {
            while (entries.size() > CAPACITY) {
                entries.pollFirst();
            }
        }
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

    public void clear() {
        entries.clear();
    }
}
