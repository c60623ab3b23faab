package org.ubiopsgateway.gateway.observability;

import io.vertx.core.Vertx;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Access lines logged on an event loop reach the console together, in order, in one write; others at once. */
class BatchedAccessLogTest {

    private final Vertx vertx = Vertx.vertx();
    private final List<String> writes = new CopyOnWriteArrayList<>();
    private final BatchedAccessLog log = new BatchedAccessLog();

    BatchedAccessLogTest() {
        log.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + "\n";
            }
        });
        log.writeTo(new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("lines are written as whole batches");
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
            }
        });
    }

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void linesOfOneEventLoopTaskAreWrittenInOneWriteInOrder() throws Exception {
        onEventLoop(() -> {
            for (String path : List.of("/a", "/b", "/c")) {
                log.publish(line("GET " + path + " 200"));
            }
            assertEquals(List.of(), writes, "not before the batch's window has passed");
        });
        awaitWrites(1);
        assertEquals(List.of("GET /a 200\nGET /b 200\nGET /c 200\n"), writes);
    }

    @Test
    void aLineOffAnEventLoopIsWrittenAtOnce() {
        log.publish(line("GET /worker 200"));
        assertEquals(List.of("GET /worker 200\n"), writes);
    }

    @Test
    void closingWritesWhatIsPending() throws Exception {
        onEventLoop(() -> {
            log.publish(line("GET /last 200"));
            log.close();
            assertEquals(List.of("GET /last 200\n"), writes);
        });
    }

    private void onEventLoop(Runnable task) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        vertx.runOnContext(ignored -> {
            try {
                task.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
    }

    private void awaitWrites(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (writes.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(3 * BatchedAccessLog.WINDOW_MS); // and no more than that
    }

    private static ExtLogRecord line(String message) {
        return new ExtLogRecord(Level.INFO, message, BatchedAccessLog.class.getName());
    }
}
