package org.ubiopsgateway.model.overview;

import java.util.Map;

/**
 * Deployment requests created since {@code since}, by status ({@code completed}, {@code failed}, …).
 *
 * @param truncated true when there were more requests than the overview samples: the counts are then the newest
 *                  ones', a lower bound
 */
public record RequestCounts(String since, int total, boolean truncated, Map<String, Integer> byStatus) {
}
