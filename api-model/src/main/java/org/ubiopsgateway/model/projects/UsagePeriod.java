package org.ubiopsgateway.model.projects;

/**
 * Credits used in one period.
 *
 * @param start ISO-8601, inclusive
 * @param end   ISO-8601, exclusive
 */
public record UsagePeriod(String start, String end, double credits) {
}
