package org.ubiopsgateway.gateway.cache;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.ArrayList;
import java.util.List;

/**
 * What a mutation changed, as key selectors over every region. Sent as JSON to the other replicas, hence the
 * reflection registration for the native image.
 */
@RegisterForReflection
public record Invalidation(List<Selector> selectors) {

    /** Selects {@code key} itself (with any query), and with {@code subtree} every key below it. */
    @RegisterForReflection
    public record Selector(String key, boolean subtree) {

        boolean matches(String candidate) {
            return candidate.equals(key) || candidate.startsWith(key + "?")
                    || subtree && candidate.startsWith(key + "/");
        }
    }

    public static Builder of() {
        return new Builder();
    }

    boolean matches(String candidate) {
        for (Selector selector : selectors) {
            if (selector.matches(candidate)) {
                return true;
            }
        }
        return false;
    }

    public static final class Builder {
        private final List<Selector> selectors = new ArrayList<>();

        /** Exactly this resource (in every query variant). */
        public Builder key(String key) {
            selectors.add(new Selector(key, false));
            return this;
        }

        /** This resource and everything below it. */
        public Builder subtree(String key) {
            selectors.add(new Selector(key, true));
            return this;
        }

        public Invalidation build() {
            return new Invalidation(List.copyOf(selectors));
        }
    }
}
