package org.ubiopsgateway.model.activity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One log line. The fields after {@code text} are present only when set for the line; they are named as the
 * log search's query parameters that filter on them.
 *
 * @param id       24 hexadecimal characters; the cursor for the next page ({@code sinceId})
 * @param date     ISO-8601
 * @param revision a deployment version revision's id
 * @param build    an environment build's id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogLine(String id, String date, String text, String deployment, String version, String revision,
                      String environment, String build, String pipeline, String pipelineVersion,
                      String pipelineObject, String deploymentRequest, String pipelineRequest, Boolean system,
                      LogLevel level) {

    /** What a log line's id looks like: 24 lowercase hexadecimal characters (a MongoDB object id). */
    public static final String ID_PATTERN = "^[0-9a-f]{24}$";
    public static final String ID_MESSAGE = "must be a log line id: 24 lowercase hexadecimal characters";
}
