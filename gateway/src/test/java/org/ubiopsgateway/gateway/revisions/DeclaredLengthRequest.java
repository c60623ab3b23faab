package org.ubiopsgateway.gateway.revisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A POST that declares a body length and asks to continue ({@code Expect: 100-continue}) but sends no body, over a
 * plain socket: proof that the gateway refuses an oversized body from its headers alone. (The JDK 17 HTTP client
 * waits forever when a server answers such a request with anything but 100.)
 *
 * @param status      the status the gateway answered
 * @param contentType its Content-Type
 * @param body        its body
 */
record DeclaredLengthRequest(int status, String contentType, String body) {

    static DeclaredLengthRequest post(URI uri, String bearerToken, String contentType, long contentLength)
            throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + bearerToken + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + contentLength
                    + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The gateway closes the connection after its answer: read to the end.
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String head = response.substring(0, headEnd);
            String type = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(null);
            return new DeclaredLengthRequest(Integer.parseInt(head.substring(9, 12)), type,
                    response.substring(headEnd + 4));
        }
    }
}
