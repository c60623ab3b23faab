package org.ubiopsgateway.gateway.security;

import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.EmulatorOptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The suite-wide check itself: a service token in any header or body, binary included, fails the test. */
class ServiceTokenLeakFilterTest {

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        TestTokens.installDefaults(); // a plain JUnit test: no Quarkus callback installs them here
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/header", exchange -> {
            exchange.getResponseHeaders().add("X-Debug", "Token " + EmulatorOptions.DEFAULT_TOKEN);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/binary", exchange -> {
            byte[] token = EmulatorOptions.DEFAULT_TOKEN.getBytes(StandardCharsets.US_ASCII);
            byte[] body = new byte[token.length + 4];
            body[0] = (byte) 0xff;
            body[1] = 0;
            System.arraycopy(token, 0, body, 2, token.length);
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aTokenInAHeaderFailsTheTest() {
        assertThrows(AssertionError.class, () -> RestAssured.given().get(base + "/header"));
    }

    @Test
    void aTokenInABinaryBodyFailsTheTest() {
        assertThrows(AssertionError.class, () -> RestAssured.given().get(base + "/binary"));
    }
}
