package org.ubiopsgateway.gateway.observability;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.handlers.AsyncHandler;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The access log ({@value #CATEGORY}) written in batches. Each request's line is still formatted when the request
 * ends, as the console's own formatter does (JSON in production, with the trace id; {@link AccessLineFormatter}), and
 * still reaches every handler of its category and of the root (a log file, say); only the console write changes: the
 * lines of up to {@value #WINDOW_MS} ms go out in one write, not one write (a system call) per request, which was 5 %
 * of a cached read's CPU. The price: a process killed outright loses at most that much of its access log, and an
 * access line may reach the console up to that much after other lines of the same moment. Lines logged off an event
 * loop (nothing to schedule the write on) are written at once.
 */
@Singleton
public class BatchedAccessLog extends ExtHandler {

    static final String CATEGORY = "io.quarkus.http.access-log";
    static final long WINDOW_MS = 20;
    private static final int MAX_BATCH_CHARS = 64 * 1024;

    private final StringBuilder pending = new StringBuilder(8 * 1024);
    private OutputStream console = System.out;
    private boolean flushScheduled;
    private List<Handler> installed = List.of();

    void install(@Observes StartupEvent start) {
        List<Handler> handlers = leaves(Logger.getLogger("").getHandlers());
        Handler consoleHandler = handlers.stream().filter(ConsoleHandler.class::isInstance).findFirst().orElse(null);
        if (consoleHandler == null) {
            return; // no console, or an asynchronous one: the category keeps the root's handlers as they are
        }
        setFormatter(AccessLineFormatter.of(consoleHandler.getFormatter()));
        setLevel(consoleHandler.getLevel());
        Logger category = Logger.getLogger(CATEGORY);
        installed = handlers.stream().map(h -> h == consoleHandler ? this : h).toList(); // a log file, say, stays as it is
        installed.forEach(category::addHandler);
        category.setUseParentHandlers(false);
    }

    void uninstall(@Observes ShutdownEvent stop) {
        Logger category = Logger.getLogger(CATEGORY);
        category.setUseParentHandlers(true);
        installed.forEach(category::removeHandler);
        installed = List.of();
        flush();
    }

    /** Where the lines go: the console, or a test's stream. */
    void writeTo(OutputStream target) {
        this.console = target;
    }

    @Override
    protected void doPublish(ExtLogRecord record) {
        String line = getFormatter().format(record);
        Context context = Vertx.currentContext();
        boolean onEventLoop = context != null && context.isEventLoopContext();
        boolean writeNow;
        boolean schedule = false;
        synchronized (pending) {
            pending.append(line);
            writeNow = !onEventLoop || pending.length() >= MAX_BATCH_CHARS;
            if (!writeNow && !flushScheduled) {
                flushScheduled = schedule = true;
            }
        }
        if (writeNow) {
            flush();
        } else if (schedule) {
            context.owner().setTimer(WINDOW_MS, id -> flush()); // on this event loop: no other thread is woken
        }
    }

    @Override
    public void flush() {
        byte[] batch;
        synchronized (pending) {
            flushScheduled = false;
            if (pending.isEmpty()) {
                return;
            }
            batch = pending.toString().getBytes(StandardCharsets.UTF_8);
            pending.setLength(0);
        }
        try {
            synchronized (console) { // with other writers of the same stream, so lines are never interleaved
                console.write(batch);
                console.flush();
            }
        } catch (IOException e) {
            reportError("Access log lines could not be written", e, ErrorManager.WRITE_FAILURE);
        }
    }

    @Override
    public void close() {
        flush();
    }

    /** The handlers that write, inside the root's wrappers (Quarkus's delayed handler); an asynchronous one is kept whole. */
    static List<Handler> leaves(Handler[] handlers) {
        return Arrays.stream(handlers)
                .flatMap(h -> h instanceof ExtHandler ext && !(h instanceof AsyncHandler) && ext.getHandlers().length > 0
                        ? leaves(ext.getHandlers()).stream() : Stream.of(h))
                .toList();
    }
}
