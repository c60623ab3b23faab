package org.ubiopsgateway.emulator;

/**
 * One received call.
 *
 * @param timestampMillis when it was answered (wall clock)
 * @param receivedMicros  when it arrived, microseconds since the epoch: with {@code answeredMicros}, shows when a
 *                        client sent each call (injected latency lies between the two)
 * @param operation the documented operation id it matched, or null when it matched none
 * @param status    the status answered; 0 when the connection was dropped before an answer
 */
public record JournalEntry(long sequence, long timestampMillis, long receivedMicros, long answeredMicros, String method, String path, String query,
                           String operation, int status) {
}
