package org.ubiopsgateway.model.deployments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ubiopsgateway.model.common.Rules;

import java.util.List;

/** A version's network: a static outgoing IP or not, and the ports it opens ({@code ports} replace the old ones). */
public record Network(Boolean staticIp, @Size(max = Rules.PORTS_MAX) List<@NotNull @Valid Port> ports) {
}
