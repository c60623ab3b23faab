package org.ubiopsgateway.gateway.observability;

import org.jboss.logmanager.ExtLogRecord;
import org.ubiopsgateway.gateway.testing.Eventually;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Records the messages of one logger category. */
final class LogCapture extends Handler {

    private final String category;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    LogCapture(String category) {
        this.category = category;
    }

    void start() {
        Logger.getLogger(category).addHandler(this);
    }

    void stop() {
        Logger.getLogger(category).removeHandler(this);
    }

    /** The access log is written when the response has ended, which may be just after the client has it. */
    String awaitLine(Predicate<String> wanted) {
        return awaitRecord(wanted).getMessage();
    }

    LogRecord awaitRecord(Predicate<String> wanted) {
        return awaitRecords(wanted, 1).get(0);
    }

    /** Exactly {@code count} records whose message is {@code wanted}, once they have all been logged. */
    List<LogRecord> awaitRecords(Predicate<String> wanted, int count) {
        List<LogRecord> matching = Eventually.await(count + " such line(s) on " + category,
                () -> records.stream().filter(r -> wanted.test(r.getMessage())).toList(), m -> m.size() >= count,
                m -> records.stream().map(LogRecord::getMessage).toList().toString());
        assertEquals(count, matching.size(), "one line per request: " + matching);
        return matching;
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            ext.copyAll(); // the MDC (trace id) is the publishing thread's: keep it with the record
        }
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
