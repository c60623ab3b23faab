package org.ubiopsgateway.contract;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a contract method that creates a resource: the gateway answers {@code 201 Created} with a
 * {@code Location} naming the new resource (its {@code Identifiable.identifier()} under the request path).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Created {
}
