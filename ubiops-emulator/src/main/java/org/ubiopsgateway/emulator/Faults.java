package org.ubiopsgateway.emulator;

import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Latency and fault injection, changeable at run time. TODO(agent P): implement. */
public final class Faults {
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

    public void add(FaultRule rule) {
        rules.add(rule);
    }

    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    public void clear() {
        rules.clear();
    }

    void handle(RoutingContext ctx) {
        ctx.next();
    }
}
