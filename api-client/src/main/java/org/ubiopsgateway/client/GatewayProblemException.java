package org.ubiopsgateway.client;

import org.ubiopsgateway.model.common.Problem;

/** The gateway answered with a problem+json error; {@link #problem()} carries it whole. */
public class GatewayProblemException extends RuntimeException {

    private final transient Problem problem;

    public GatewayProblemException(Problem problem) {
        super(problem.status() + " " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
