package org.ubiopsgateway.emulator;

import io.vertx.core.json.JsonObject;

import java.util.concurrent.atomic.AtomicLong;

/** What the emulator's OTLP sink ({@code POST /emulator/otlp/v1/traces}) received since the last reset. */
final class TraceSink {

    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    void received(long batchBytes) {
        batches.incrementAndGet();
        bytes.addAndGet(batchBytes);
    }

    JsonObject toJson() {
        return new JsonObject().put("trace_batches", batches.get()).put("bytes", bytes.get());
    }

    void clear() {
        batches.set(0);
        bytes.set(0);
    }
}
