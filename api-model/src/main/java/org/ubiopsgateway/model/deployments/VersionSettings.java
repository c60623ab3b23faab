package org.ubiopsgateway.model.deployments;

import java.util.Map;

/** What a request may set on a version: the settings {@link VersionCreate} and {@link VersionUpdate} share. */
public interface VersionSettings {

    String version();

    String description();

    String environment();

    InstanceTypeGroup instanceTypeGroup();

    Scaling scaling();

    Retention retention();

    Queue queue();

    Network network();

    Boolean restartRequestInterruption();

    Map<String, String> labels();
}
