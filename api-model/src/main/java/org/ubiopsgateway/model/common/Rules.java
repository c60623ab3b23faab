package org.ubiopsgateway.model.common;

/** UbiOps's documented rules, shared by the request records and the route parameters. */
public final class Rules {

    /** Projects, deployments, versions: lowercase letters, digits and dashes, starting with a letter. */
    public static final String NAME_PATTERN = "^[a-z][a-z0-9-]*$";
    public static final String NAME_MESSAGE = "must be lowercase letters, digits and dashes, starting with a letter";
    public static final int NAME_MAX = 64;
    public static final int DESCRIPTION_MAX = 400;
    /** Environment variables: letters and underscores, neither first nor last an underscore. */
    public static final String VARIABLE_NAME_PATTERN = "^[A-Za-z](?:[A-Za-z_]*[A-Za-z])?$";
    public static final String VARIABLE_NAME_MESSAGE = "must be letters and underscores, not starting or ending with an underscore";
    /** Ids of variables, users, revisions, builds: UUIDs. */
    public static final String ID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    public static final String ID_MESSAGE = "must be a UUID";
    /** Page sizes the gateway accepts on paged lists. */
    public static final int LIMIT_MIN = 1;
    public static final int LIMIT_MAX = 500;
    public static final int DEFAULT_LIMIT = 50;
    /** Far beyond any real list, and far from overflowing offset + limit. */
    public static final int OFFSET_MAX = 10_000_000;

    private Rules() {
    }
}
