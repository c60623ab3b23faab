package org.ubiopsgateway.model.deployments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** A version's network: a static outgoing IP or not, and the ports it opens ({@code ports} replace the old ones). */
public record Network(Boolean staticIp, List<@NotNull @Valid Port> ports) {
}
