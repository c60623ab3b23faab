package org.ubiopsgateway.gateway.error;

import org.ubiopsgateway.model.common.Problem;

import java.util.List;

/**
 * A caller's input broke a rule that annotations cannot express (a field that depends on another, say).
 * Answered like any validation failure: 400 problem+json with the violation named. Thrown before any
 * upstream call, so bad input never reaches UbiOps.
 */
public final class BadRequest extends RuntimeException {

    private final transient List<Problem.Violation> violations;

    private BadRequest(List<Problem.Violation> violations) {
        super(violations.get(0).field() + ": " + violations.get(0).message(), null, false, false);
        this.violations = violations;
    }

    public static BadRequest of(String field, String message) {
        return new BadRequest(List.of(new Problem.Violation(field, message)));
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
