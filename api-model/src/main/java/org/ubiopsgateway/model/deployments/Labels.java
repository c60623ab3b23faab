package org.ubiopsgateway.model.deployments;

/** The label filter of deployment and version lists, as UbiOps takes it. */
public final class Labels {

    /** {@code key:value} pairs separated by commas, without control characters; an item with any of them matches. */
    public static final String FILTER_PATTERN = "^[^,:\\x00-\\x1F\\x7F]+:[^,\\x00-\\x1F\\x7F]+(,[^,:\\x00-\\x1F\\x7F]+:[^,\\x00-\\x1F\\x7F]+)*$";
    public static final String FILTER_MESSAGE = "must be key:value pairs separated by commas, e.g. team:vision,tier:gold";

    private Labels() {
    }
}
