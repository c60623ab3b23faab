package org.ubiopsgateway.gateway.upstream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/** The wire dialect of UbiOps: snake_case, unknown fields ignored, null fields left out of bodies. */
final class UpstreamJson {

    private UpstreamJson() {
    }

    static ObjectMapper mapper(ObjectMapper base) {
        return base.copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
