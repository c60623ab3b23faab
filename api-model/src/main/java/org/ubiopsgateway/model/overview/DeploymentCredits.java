package org.ubiopsgateway.model.overview;

/** Credits one deployment used in the period (all its versions together). */
public record DeploymentCredits(String deployment, double credits) {
}
