package org.ubiopsgateway.emulator;

/**
 * One received call.
 *
 * @param timestampMillis when it was answered (wall clock)
 * @param receivedMicros  when it arrived, microseconds since the epoch: with {@code answeredMicros}, shows when a
 *                        client sent each call (injected latency lies between the two)
 * @param leavingMicros   when its answer, complete, was handed to be written (headers and body at once); for an answer
 *                        written in parts or a dropped connection, {@code answeredMicros}. Read before the write, it is
 *                        when the answer left even if the emulator's thread loses its CPU to the client it wakes, which
 *                        can delay {@code answeredMicros}, read after it, by as long as the client keeps that CPU
 * @param operation the documented operation id it matched, or null when it matched none
 * @param status    the status answered; 0 when the connection was dropped before an answer
 */
public record JournalEntry(long sequence, long timestampMillis, long receivedMicros, long leavingMicros,
                           long answeredMicros, String method, String path, String query,
                           String operation, int status) {
}
