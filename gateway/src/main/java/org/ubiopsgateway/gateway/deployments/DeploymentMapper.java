package org.ubiopsgateway.gateway.deployments;

import org.ubiopsgateway.gateway.rest.QueryValues;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentField;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentFieldWidget;
import org.ubiopsgateway.gateway.upstream.wire.Timestamp;
import org.ubiopsgateway.model.deployments.DataType;
import org.ubiopsgateway.model.deployments.Deployment;
import org.ubiopsgateway.model.deployments.DeploymentCreate;
import org.ubiopsgateway.model.deployments.DeploymentUpdate;
import org.ubiopsgateway.model.deployments.InputField;
import org.ubiopsgateway.model.deployments.InputWidgetType;
import org.ubiopsgateway.model.deployments.IoType;
import org.ubiopsgateway.model.deployments.OutputField;
import org.ubiopsgateway.model.deployments.OutputWidgetType;
import org.ubiopsgateway.model.deployments.Widget;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Deployments between UbiOps's wire form and the public model. */
final class DeploymentMapper {

    private DeploymentMapper() {
    }

    static Deployment toModel(org.ubiopsgateway.gateway.upstream.wire.Deployment d) {
        return new Deployment(d.id(), d.name(), d.project(), d.description(), QueryValues.known(IoType.class, d.inputType()),
                QueryValues.known(IoType.class, d.outputType()),
                fields(d.inputFields(), f -> new InputField(f.name(), QueryValues.known(DataType.class, f.dataType()),
                        widget(f.widget(), InputWidgetType.class))),
                fields(d.outputFields(), f -> new OutputField(f.name(), QueryValues.known(DataType.class, f.dataType()),
                        widget(f.widget(), OutputWidgetType.class))),
                d.labels(), Timestamp.iso(d.creationDate()), Timestamp.iso(d.lastUpdated()), d.defaultVersion());
    }

    static org.ubiopsgateway.gateway.upstream.wire.DeploymentCreate toWire(DeploymentCreate c) {
        return new org.ubiopsgateway.gateway.upstream.wire.DeploymentCreate(c.name(), c.description(),
                c.inputType().value(), c.outputType().value(), inputFields(c.inputFields()),
                outputFields(c.outputFields()), c.labels());
    }

    static org.ubiopsgateway.gateway.upstream.wire.DeploymentUpdate toWire(DeploymentUpdate u) {
        return new org.ubiopsgateway.gateway.upstream.wire.DeploymentUpdate(u.name(), u.description(), u.labels(),
                u.defaultVersion(), inputFields(u.inputFields()), outputFields(u.outputFields()));
    }

    private static <F> List<F> fields(List<DeploymentField> fields, Function<DeploymentField, F> toModel) {
        return fields == null ? List.of() : fields.stream().map(toModel).toList();
    }

    /** UbiOps answers {@code {}} for a field without a widget: the model says null. */
    private static <T extends Enum<T>> Widget<T> widget(DeploymentFieldWidget widget, Class<T> type) {
        return widget == null || widget.type() == null ? null
                : new Widget<>(QueryValues.known(type, widget.type()), widget.configuration());
    }

    private static List<DeploymentField> inputFields(List<InputField> fields) {
        return fields == null ? null : fields.stream().map(f -> field(f.name(), f.dataType(), f.widget())).toList();
    }

    private static List<DeploymentField> outputFields(List<OutputField> fields) {
        return fields == null ? null : fields.stream().map(f -> field(f.name(), f.dataType(), f.widget())).toList();
    }

    private static DeploymentField field(String name, DataType dataType, Widget<?> widget) {
        return new DeploymentField(name, dataType.value(), widget == null ? null
                : new DeploymentFieldWidget(widget.type().toString(),
                widget.configuration() == null ? Map.of() : widget.configuration()));
    }
}
