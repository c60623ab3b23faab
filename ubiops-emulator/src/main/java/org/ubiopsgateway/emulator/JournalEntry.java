package org.ubiopsgateway.emulator;

/**
 * One received call.
 *
 * @param operation the documented operation id it matched, or null when it matched none
 * @param status    the status answered; 0 when the connection was dropped before an answer
 */
public record JournalEntry(long sequence, long timestampMillis, String method, String path, String query,
                           String operation, int status) {
}
