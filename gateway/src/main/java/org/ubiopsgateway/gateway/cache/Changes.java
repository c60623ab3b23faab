package org.ubiopsgateway.gateway.cache;

/**
 * What each kind of mutation changes, as the cache sees it: the one table of read-your-writes rules. A rename
 * moves a resource, so both names' subtrees go; a new resource drops its own subtree too, in case an earlier one
 * of that name left entries behind.
 */
public final class Changes {

    private Changes() {
    }

    public static Invalidation project(String project, String newName) {
        Invalidation.Builder changed = Invalidation.of().key(project).key(CacheKeys.overview(project));
        return renamed(changed, project, newName).build();
    }

    /** A project created or deleted: everything under its name. */
    public static Invalidation wholeProject(String project) {
        return Invalidation.of().subtree(project).build();
    }

    /** A deployment created or deleted. */
    public static Invalidation deploymentAddedOrRemoved(String project, String deployment) {
        return inProject(project).key(CacheKeys.resources(project))
                .subtree(CacheKeys.deployment(project, deployment)).build();
    }

    public static Invalidation deployment(String project, String deployment, String newName) {
        Invalidation.Builder changed = inProject(project).key(CacheKeys.deployment(project, deployment));
        return renamed(changed, CacheKeys.deployment(project, deployment),
                newName == null ? null : CacheKeys.deployment(project, newName)).build();
    }

    /** A version created or deleted: the deployment's default version may change with it. */
    public static Invalidation versionAddedOrRemoved(String project, String deployment, String version) {
        return inDeployment(project, deployment).key(CacheKeys.resources(project))
                .subtree(CacheKeys.version(project, deployment, version)).build();
    }

    public static Invalidation version(String project, String deployment, String version, String newName) {
        Invalidation.Builder changed = inDeployment(project, deployment)
                .key(CacheKeys.version(project, deployment, version));
        return renamed(changed, CacheKeys.version(project, deployment, version),
                newName == null ? null : CacheKeys.version(project, deployment, newName)).build();
    }

    /**
     * A variable of {@code owner} (a project, deployment or version key) changed: its variables. Every effective
     * view under the owner is built from the lists of its levels, so it follows.
     */
    public static Invalidation variables(String owner) {
        return Invalidation.of().subtree(CacheKeys.variables(owner)).build();
    }

    /** A revision uploaded or rebuilt: the version's revisions, its active and latest revision, the overview. */
    public static Invalidation revisions(String project, String deployment, String version) {
        return inDeployment(project, deployment).key(CacheKeys.version(project, deployment, version))
                .subtree(CacheKeys.revisions(project, deployment, version)).build();
    }

    /** Lists and views of the project that show any deployment. */
    private static Invalidation.Builder inProject(String project) {
        return Invalidation.of().key(CacheKeys.deployments(project)).key(CacheKeys.overview(project));
    }

    /** ... and of the deployment that show any version. */
    private static Invalidation.Builder inDeployment(String project, String deployment) {
        return inProject(project).key(CacheKeys.deployment(project, deployment))
                .key(CacheKeys.versions(project, deployment));
    }

    private static Invalidation.Builder renamed(Invalidation.Builder changed, String key, String newKey) {
        if (newKey != null && !newKey.equals(key)) {
            changed.subtree(key).subtree(newKey);
        }
        return changed;
    }
}
