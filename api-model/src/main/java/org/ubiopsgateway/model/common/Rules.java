package org.ubiopsgateway.model.common;

/** UbiOps's documented rules, shared by the request records and the route parameters. */
public final class Rules {

    /** Projects, deployments, versions: lowercase letters, digits and dashes, starting with a letter. */
    public static final String NAME_PATTERN = "^[a-z][a-z0-9-]*$";
    public static final String NAME_MESSAGE = "must be lowercase letters, digits and dashes, starting with a letter";
    /** UbiOps's own bound on names of projects, deployments, versions (and the other names it documents as names). */
    public static final int NAME_MAX = 64;
    /** UbiOps's own bound on descriptions. */
    public static final int DESCRIPTION_MAX = 400;
    /** Environment variables: letters and underscores, neither first nor last an underscore. */
    public static final String VARIABLE_NAME_PATTERN = "^[A-Za-z](?:[A-Za-z_]*[A-Za-z])?$";
    public static final String VARIABLE_NAME_MESSAGE = "must be letters and underscores, not starting or ending with an underscore";

    // Bounds UbiOps does not document. Each is far above any real value, and low enough that one request cannot
    // make the gateway (or UbiOps) hold or forward much: without them a 100,000-character variable name reached UbiOps.

    /** Variable names are environment-variable names in a container: 256 is far beyond any real one. */
    public static final int VARIABLE_NAME_MAX = 256;
    /**
     * 64 KiB: a value lands in a container's environment, where Linux takes at most 128 KiB per string
     * (MAX_ARG_STRLEN); 64 KiB holds a certificate chain or a JSON config and leaves room for the rest.
     */
    public static final int VARIABLE_VALUE_MAX = 64 * 1024;
    /** Labels are short tags to filter by, as names are: a key or a value has at most a name's 64 characters. */
    public static final int LABEL_KEY_MAX = NAME_MAX;
    public static final int LABEL_VALUE_MAX = NAME_MAX;
    /** Labels on one deployment or version: a handful is usual, 50 is plenty. */
    public static final int LABELS_MAX = 50;
    /**
     * A label filter in a query string: room for 25 pairs at the longest, and inside the 4096-byte request line
     * ({@code QUARKUS_HTTP_LIMITS_MAX_INITIAL_LINE_LENGTH}) that refuses longer ones with a bare 414.
     */
    public static final int LABEL_FILTER_MAX = 25 * (LABEL_KEY_MAX + LABEL_VALUE_MAX + 2);
    /** Input or output fields of one structured deployment: each is a field of a form or a dictionary key. */
    public static final int FIELDS_MAX = 256;
    /** A field name is a dictionary key in the deployment's code. */
    public static final int FIELD_NAME_MAX = 128;
    /** Settings of one field's widget ({@code min}, {@code max}, {@code step}, …): a few at most. */
    public static final int WIDGET_SETTINGS_MAX = 32;
    /** A widget setting's name. */
    public static final int WIDGET_SETTING_NAME_MAX = NAME_MAX;
    /** Ports one version opens. */
    public static final int PORTS_MAX = 64;
    /** CORS origins of one project. */
    public static final int CORS_ORIGINS_MAX = 100;
    /** An origin is scheme://host:port: a DNS name has at most 253 characters, scheme and port add at most 14. */
    public static final int ORIGIN_MAX = 267;

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
