package org.ubiopsgateway.model.variables;

import java.util.List;

/**
 * A variable as a version runs with it, after project → deployment → version shadowing.
 *
 * @param id      the id of the winning definition, at its own level
 * @param value   null for secrets
 * @param source  the level whose definition wins
 * @param shadows the less specific levels defining the same name, nearest first; empty when none
 */
public record EffectiveVariable(String name, String id, String value, boolean secret, VariableSource source,
                                List<VariableSource> shadows) {
}
