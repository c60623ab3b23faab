package org.ubiopsgateway.gateway.variables;

import org.ubiopsgateway.gateway.rest.QueryValues;
import org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariableCopy;
import org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariableCreate;
import org.ubiopsgateway.model.variables.CopyVariablesRequest;
import org.ubiopsgateway.model.variables.EffectiveVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariableRequest;
import org.ubiopsgateway.model.variables.VariableLevel;
import org.ubiopsgateway.model.variables.VariableSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Environment variables between UbiOps's wire form and the public surface, the same at every level. */
final class VariablesMapper {

    private VariablesMapper() {
    }

    /** One level's own variables (inherited entries left out), for the effective view. */
    record LevelVariables(VariableSource source, List<org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariable> own) {
    }

    static EnvironmentVariable variable(org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariable wire) {
        boolean secret = Boolean.TRUE.equals(wire.secret());
        VariableSource inheritedFrom = wire.inheritanceType() == null ? null
                : new VariableSource(QueryValues.known(VariableLevel.class, wire.inheritanceType()), wire.inheritanceName());
        // UbiOps answers secrets without a value; dropping it here too means no upstream slip can leak one.
        return new EnvironmentVariable(wire.id(), wire.name(), secret ? null : wire.value(), secret, inheritedFrom);
    }

    static List<EnvironmentVariable> variables(List<org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariable> wire) {
        return wire.stream().map(VariablesMapper::variable).toList();
    }

    /** A level's list without what it inherits: UbiOps marks inherited entries with their inheritance type. */
    static List<org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariable> own(
            List<org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariable> listed) {
        return listed.stream().filter(v -> v.inheritanceType() == null).toList();
    }

    static EnvironmentVariableCreate toWire(EnvironmentVariableRequest request) {
        return new EnvironmentVariableCreate(request.name(), request.value(), request.secret());
    }

    static EnvironmentVariableCopy toWire(CopyVariablesRequest request) {
        return new EnvironmentVariableCopy(request.sourceDeployment(), request.sourceVersion());
    }

    /**
     * Resolves shadowing: for each name, the definition of the most specific level wins and the others are
     * listed as shadowed, nearest first.
     *
     * @param levels each level's own variables, most specific first
     * @return the winners, sorted by name
     */
    static List<EffectiveVariable> effective(List<LevelVariables> levels) {
        Map<String, List<Definition>> byName = new TreeMap<>();
        for (LevelVariables level : levels) {
            for (org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariable variable : level.own()) {
                byName.computeIfAbsent(variable.name(), name -> new ArrayList<>())
                        .add(new Definition(level.source(), variable));
            }
        }
        return byName.values().stream().map(definitions -> {
            EnvironmentVariable winner = variable(definitions.get(0).variable());
            List<VariableSource> shadows = definitions.stream().skip(1).map(Definition::source).toList();
            return new EffectiveVariable(winner.name(), winner.id(), winner.value(), winner.secret(),
                    definitions.get(0).source(), shadows);
        }).toList();
    }

    private record Definition(VariableSource source, org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariable variable) {
    }
}
