package org.ubiopsgateway.model.activity;

import java.util.List;

/**
 * One page of a log search. Logs page by cursor, as UbiOps does: the next page is the same search with
 * {@code sinceId=nextSinceId}.
 *
 * @param nextSinceId the id of this page's last line when more lines may follow; null on the last page
 */
public record LogPage(List<LogLine> items, int limit, String nextSinceId) {
}
