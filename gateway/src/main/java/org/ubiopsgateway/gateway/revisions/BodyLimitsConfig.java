package org.ubiopsgateway.gateway.revisions;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How large a request body may be. {@code quarkus.http.limits.max-body-size} must be at least {@link #upload()}
 * (application.properties sets it so): Quarkus's own check comes after {@link BodyLimits}'s and would otherwise
 * answer a plain 413 first.
 */
@ConfigMapping(prefix = "gateway.limits")
public interface BodyLimitsConfig {

    /** A deployment package upload (multipart): spooled to disk by Quarkus, never held in the heap. */
    @WithDefault("512M")
    MemorySize upload();

    /**
     * Every other body (JSON, forms), which is read into memory. 1M: every field has a bound (model.common.Rules),
     * and the largest, a 64 KiB variable value, fits even with every character escaped in six bytes (384 KiB).
     */
    @WithDefault("1M")
    MemorySize body();
}
