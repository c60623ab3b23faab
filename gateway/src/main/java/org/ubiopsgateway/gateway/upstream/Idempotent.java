package org.ubiopsgateway.gateway.upstream;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an upstream operation sent as a POST that only reads (projects_log_list carries its query in the body), so
 * repeating it is as safe as repeating a GET: the gateway may retry it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {
}
