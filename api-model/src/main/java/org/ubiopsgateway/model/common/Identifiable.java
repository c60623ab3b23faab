package org.ubiopsgateway.model.common;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A resource addressable under its collection by one path segment: a name, a version name or an id. */
public interface Identifiable {

    /** The path segment that names this resource within its collection. */
    @JsonIgnore
    String identifier();
}
