package org.ubiopsgateway.gateway.templates;

import org.ubiopsgateway.gateway.rest.QueryValues;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentField;
import org.ubiopsgateway.gateway.upstream.wire.TemplateDeployment;
import org.ubiopsgateway.gateway.upstream.wire.TemplateDeploymentDetails;
import org.ubiopsgateway.gateway.upstream.wire.TemplateDeploymentVersion;
import org.ubiopsgateway.model.deployments.DataType;
import org.ubiopsgateway.model.deployments.IoType;
import org.ubiopsgateway.model.deployments.Retention;
import org.ubiopsgateway.model.deployments.RetentionMode;
import org.ubiopsgateway.model.deployments.Scaling;
import org.ubiopsgateway.model.templates.Template;
import org.ubiopsgateway.model.templates.TemplateField;
import org.ubiopsgateway.model.templates.TemplateVersion;

import java.util.List;

/** UbiOps's template deployments as the public surface shows them: the deployment and the version apart. */
final class TemplatesMapper {

    private TemplatesMapper() {
    }

    static Template template(TemplateDeployment wire) {
        TemplateDeploymentDetails details = wire.details();
        if (details == null) {
            return new Template(wire.id(), null, null);
        }
        return new Template(wire.id(),
                new org.ubiopsgateway.model.templates.TemplateDeployment(details.name(), details.description(),
                        QueryValues.known(IoType.class, details.inputType()), QueryValues.known(IoType.class, details.outputType()), fields(details.inputFields()),
                        fields(details.outputFields()), details.labels()),
                version(details.version()));
    }

    private static TemplateVersion version(TemplateDeploymentVersion wire) {
        if (wire == null) {
            return null;
        }
        return new TemplateVersion(wire.name(), wire.environment(), wire.description(), wire.labels(),
                wire.instanceTypeGroupId(),
                new Scaling(wire.minimumInstances(), wire.maximumInstances(), wire.maximumIdleTime(), null, null),
                new Retention(QueryValues.known(RetentionMode.class, wire.requestRetentionMode()),
                        wire.requestRetentionTime()));
    }

    private static List<TemplateField> fields(List<DeploymentField> wire) {
        return wire == null ? List.of() : wire.stream().map(f -> new TemplateField(f.name(), QueryValues.known(DataType.class, f.dataType()))).toList();
    }
}
