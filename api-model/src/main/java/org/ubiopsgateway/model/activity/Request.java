package org.ubiopsgateway.model.activity;

/**
 * A deployment or pipeline request as listed: exactly one of {@code deployment} and {@code pipeline} is set.
 *
 * @param status    null only when upstream reports a status this model does not know
 * @param success   null until the request finished
 * @param created   ISO-8601
 * @param started   ISO-8601; null until processing started
 * @param completed ISO-8601; null until it finished
 * @param inputSize  bytes, when upstream reports it
 * @param outputSize bytes, when upstream reports it
 */
public record Request(String id, String deployment, String pipeline, String version, RequestStatus status,
                      Boolean success, String created, String started, String completed, Long inputSize,
                      Long outputSize) {
}
