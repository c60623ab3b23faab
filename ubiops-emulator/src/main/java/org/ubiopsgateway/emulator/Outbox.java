package org.ubiopsgateway.emulator;

import io.vertx.core.Vertx;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * The answers an injected latency holds back ({@link Api#answer}), sent when due. The event loop's timers keep time
 * to the millisecond: the answers falling due within a millisecond of the one whose timer fires leave with it, one
 * after the other, as the answers to calls made together come back together. Used on the emulator's one event
 * loop only.
 */
final class Outbox {

    private static final long TOGETHER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final PriorityQueue<Held> held = new PriorityQueue<>(Comparator.comparingLong(Held::due));
    private long timer = -1;
    private long timerDue;

    /** Sends {@code answer} at {@code due} ({@link System#nanoTime()}). */
    void hold(Vertx vertx, long due, Runnable answer) {
        held.add(new Held(due, answer));
        schedule(vertx);
    }

    private void schedule(Vertx vertx) {
        Held next = held.peek();
        if (next == null || (timer >= 0 && timerDue <= next.due)) {
            return;
        }
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        timerDue = next.due;
        long waitMillis = Math.max(1, (next.due - System.nanoTime() + 999_999) / 1_000_000);
        timer = vertx.setTimer(waitMillis, id -> {
            timer = -1;
            long together = System.nanoTime() + TOGETHER_NANOS;
            while (!held.isEmpty() && held.peek().due <= together) {
                held.poll().answer.run();
            }
            schedule(vertx);
        });
    }

    private record Held(long due, Runnable answer) {
    }
}
