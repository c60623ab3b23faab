package org.ubiopsgateway.gateway.cache;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Cache keys are paths of names, like the routes: {@code demo-project/deployments/churn/versions/v1}. Names cannot
 * hold a {@code /} (the name rules refuse it before the cache is read), so a key names one resource and
 * {@link Invalidation} can select a whole subtree. Entries are per resource, never per caller: upstream data is
 * fetched with the one service token, and the caller's project scope is checked before the cache is read.
 */
public final class CacheKeys {

    public static final String TEMPLATES = "templates";

    private CacheKeys() {
    }

    public static String project(String project) {
        return project;
    }

    public static String of(String first, String... rest) {
        StringBuilder key = new StringBuilder(first);
        for (String part : rest) {
            key.append('/').append(part);
        }
        return key.toString();
    }

    public static String deployment(String project, String deployment) {
        return of(project, "deployments", deployment);
    }

    public static String version(String project, String deployment, String version) {
        return of(project, "deployments", deployment, "versions", version);
    }

    // The keys below are both read and invalidated: one definition keeps the two sides from drifting apart.

    public static String overview(String project) {
        return of(project, "overview");
    }

    public static String resources(String project) {
        return of(project, "resources");
    }

    public static String deployments(String project) {
        return of(project, "deployments");
    }

    public static String versions(String project, String deployment) {
        return of(deployment(project, deployment), "versions");
    }

    /** The variables of {@code owner}: a project, deployment or version key. */
    public static String variables(String owner) {
        return of(owner, "environment-variables");
    }

    public static String revisions(String project, String deployment, String version) {
        return of(version(project, deployment, version), "revisions");
    }

    /** A read with query parameters: the parameters are part of the key, so each combination is its own entry. */
    public static String withQuery(String key, Object... namesAndValues) {
        StringBuilder query = new StringBuilder(key);
        char separator = '?';
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                query.append(separator).append(namesAndValues[i]).append('=')
                        .append(URLEncoder.encode(String.valueOf(namesAndValues[i + 1]), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return query.toString();
    }
}
