package org.ubiopsgateway.emulator;

/** One injected behaviour. TODO(agent P): shape it. */
public record FaultRule(String method, String pathPattern) {
}
