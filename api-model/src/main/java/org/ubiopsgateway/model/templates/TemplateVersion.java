package org.ubiopsgateway.model.templates;

import java.util.Map;

/** The version a template creates, its settings grouped as a version's are. */
public record TemplateVersion(String name, String environment, String description, Map<String, String> labels,
                              String instanceTypeGroupId, Scaling scaling, Retention retention) {

    /** How many instances run, and how long an idle one is kept (seconds). */
    public record Scaling(Integer minimumInstances, Integer maximumInstances, Integer maximumIdleTime) {
    }

    /** What is kept of requests ({@code none}, {@code metadata}, {@code full}) and for how long (seconds). */
    public record Retention(String mode, Integer time) {
    }
}
