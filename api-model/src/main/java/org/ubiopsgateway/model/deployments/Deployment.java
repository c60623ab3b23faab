package org.ubiopsgateway.model.deployments;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ubiopsgateway.model.common.Identifiable;

import java.util.List;
import java.util.Map;

/**
 * A deployment: a model served in a project, with the shape of its input and output.
 *
 * @param inputFields    empty for a plain input type (likewise {@code outputFields})
 * @param creationDate   ISO-8601, or upstream's text when that is not a readable date
 * @param defaultVersion the version requests go to when they name none. Left out when the deployment has none, and
 *                       always in lists, which UbiOps answers without it: read the deployment itself for it.
 */
public record Deployment(String id, String name, String project, String description, IoType inputType,
                         IoType outputType, List<InputField> inputFields, List<OutputField> outputFields,
                         Map<String, String> labels, String creationDate, String lastUpdated,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String defaultVersion) implements Identifiable {

    @Override
    public String identifier() {
        return name;
    }
}
