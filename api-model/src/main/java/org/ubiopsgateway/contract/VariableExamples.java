package org.ubiopsgateway.contract;

/** Request examples the environment variable contracts show in the OpenAPI document. */
final class VariableExamples {

    static final String VARIABLE = "{\"name\": \"LOG_LEVEL\", \"value\": \"debug\", \"secret\": false}";
    static final String SECRET = "{\"name\": \"DATABASE_PASSWORD\", \"value\": \"…\", \"secret\": true}";
    static final String COPY_DEPLOYMENT = "{\"sourceDeployment\": \"image-classifier\"}";
    static final String COPY_VERSION = "{\"sourceDeployment\": \"image-classifier\", \"sourceVersion\": \"v2\"}";
    static final String LOCATION = "The new variable: the request path followed by its id";

    private VariableExamples() {
    }
}
