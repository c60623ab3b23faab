package org.ubiopsgateway.model.me;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Who the caller is, as the gateway understood its token.
 *
 * @param subject     the token's {@code sub} (else {@code upn})
 * @param name        the token's {@code name}; omitted when absent
 * @param roles       the roles held, implied ones included: an admin has {@code admin}, {@code editor}, {@code viewer}
 * @param projects    the projects the caller may see; empty when {@code allProjects}
 * @param allProjects the token grants every project ({@code "*"} in its {@code projects} claim)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Me(String subject, String name, List<String> roles, List<String> projects, boolean allProjects) {
}
