package org.ubiopsgateway.gateway.eventloop;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The event loops run on Netty's epoll transport where the gateway ships it (docs/request-path.md), NIO elsewhere. */
@QuarkusTest
class NativeTransportTest {

    @Inject
    Vertx vertx;

    @Test
    void onLinuxTheEventLoopsRunOnEpoll() {
        boolean shipped = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")
                && Set.of("amd64", "x86_64", "aarch64").contains(System.getProperty("os.arch"));
        assertEquals(shipped, vertx.isNativeTransportEnabled(), () -> "native transport on " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + ", unavailable because: " + vertx.unavailableNativeTransportCause());
    }
}
