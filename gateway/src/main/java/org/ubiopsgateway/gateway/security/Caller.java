package org.ubiopsgateway.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Who is calling, from a verified token: immutable, so it can be captured before an asynchronous chain.
 *
 * @param subject  {@code sub}, else {@code upn} / {@code preferred_username}
 * @param name     the {@code name} claim, or null
 * @param role     the highest role in {@code groups}
 * @param projects the {@code projects} claim; {@code "*"} means every project
 */
public record Caller(String subject, String name, Role role, Set<String> projects) {

    public static final String ALL_PROJECTS = "*";
    static final String PROJECTS_CLAIM = "projects";

    /**
     * Where an identity carries its caller, read once per token ({@link VerifiedTokens#remember}): reading a custom
     * claim makes SmallRye JWT create and drop an exception each time, a cost worth paying once per token.
     */
    static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        projects = Set.copyOf(projects);
    }

    /** The caller of a verified token's identity; null for an identity without a token (anonymous). */
    static Caller of(SecurityIdentity identity) {
        Caller known = identity.getAttribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        return identity.getPrincipal() instanceof JsonWebToken token ? read(token) : null;
    }

    static Caller read(JsonWebToken token) {
        String subject = token.getSubject() != null ? token.getSubject() : token.getName();
        Object name = token.getClaim("name");
        return new Caller(subject, name instanceof JsonString s ? s.getString() : name instanceof String s ? s : null,
                Role.highest(token.getGroups()), strings(token.getClaim(PROJECTS_CLAIM)));
    }

    /** An array of strings or a single string; anything else names no project. */
    private static Set<String> strings(Object claim) {
        Set<String> values = new TreeSet<>();
        if (claim instanceof JsonArray array) {
            array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).forEach(values::add);
        } else if (claim instanceof JsonString s) {
            values.add(s.getString());
        } else if (claim instanceof String s) {
            values.add(s);
        } else if (claim instanceof Collection<?> collection) {
            collection.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
        }
        return values;
    }

    public boolean allProjects() {
        return projects.contains(ALL_PROJECTS);
    }

    /** Exact, case-sensitive comparison with the decoded project name. */
    public boolean canSee(String project) {
        return allProjects() || projects.contains(project);
    }

    /** The items whose project the caller may see, in their order. */
    public <T> List<T> visible(List<T> items, Function<T, String> project) {
        return items.stream().filter(item -> canSee(project.apply(item))).toList();
    }

    /** Creating a project needs admin, and the new name in the claim (or {@code "*"}). */
    public boolean mayCreateProject(String project) {
        return role.grants(Role.ADMIN) && canSee(project);
    }

    /** The roles held, the implied ones included (admin lists admin, editor, viewer). */
    public List<String> roles() {
        return Arrays.stream(Role.values())
                .filter(r -> r != Role.NONE && role.grants(r)).map(Role::group).toList();
    }
}
