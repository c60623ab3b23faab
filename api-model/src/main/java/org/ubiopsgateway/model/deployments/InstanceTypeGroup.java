package org.ubiopsgateway.model.deployments;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ubiopsgateway.model.common.ResourceId;
import org.ubiopsgateway.model.common.Rules;

/**
 * The instance type group a version runs on. In requests name it by {@code id} or by {@code name} (when both are
 * given, UbiOps goes by the id; by name, the project's first group of that name).
 */
public record InstanceTypeGroup(@ResourceId String id,
                                @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = Rules.NAME_MAX) String name) {
}
