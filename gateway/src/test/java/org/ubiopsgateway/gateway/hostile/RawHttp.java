package org.ubiopsgateway.gateway.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request: sends exactly the bytes asked for (a raw request target,
 * any method, any header), which no HTTP client library does, and reads the answer to the end.
 */
final class RawHttp {

    private static final int TIMEOUT_MS = 30_000;
    private static final int CHUNK = 64 * 1024;

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * A request.
     *
     * @param headers sent as given, after {@code Host} and {@code Connection: close}; a request that declares its own
     *                {@code Content-Length} without a body is answered from its head alone
     * @param body    sent with its {@code Content-Length}, or chunked; null for none
     * @param chunked whether the body goes chunked (no length announced)
     */
    record Request(String method, String target, List<String[]> headers, byte[] body, boolean chunked) {
    }

    /** The answer: status, headers by lowercase name, body (de-chunked). */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Answer send(Request request) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target())
                    .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\nConnection: close\r\n");
            for (String[] header : request.headers()) {
                head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
            byte[] body = request.body();
            if (body != null && request.chunked()) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (body != null) {
                // Written by another thread: a server that answers early and stops reading must not block this one.
                Thread writer = new Thread(() -> write(out, body, request.chunked()), "raw-http-body");
                writer.setDaemon(true);
                writer.start();
            }
            return read(socket.getInputStream());
        }
    }

    /** Sends bytes as they are (a head that breaks HTTP, say) and reads the answer. */
    static Answer exchange(String host, int port, String request) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    private static void write(OutputStream out, byte[] body, boolean chunked) {
        try {
            for (int offset = 0; offset < body.length; offset += CHUNK) {
                int length = Math.min(CHUNK, body.length - offset);
                if (chunked) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(body, offset, length);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException closedByServer) {
            // The server answered before reading everything and closed the connection: the answer says why.
        }
    }

    /** The answer, read up to its length (or its last chunk, or the end of the stream when it gives neither). */
    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        Map<String, String> headers = new LinkedHashMap<>();
        int status = 0;
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
                byte[] sofar = all.toByteArray();
                if (headEnd < 0) {
                    headEnd = new String(sofar, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
                    if (headEnd >= 0) {
                        List<String> lines = new String(sofar, 0, headEnd, StandardCharsets.ISO_8859_1).lines().toList();
                        status = Integer.parseInt(lines.get(0).split(" ")[1]);
                        for (String line : lines.subList(1, lines.size())) {
                            int colon = line.indexOf(':');
                            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                        }
                    }
                }
                if (headEnd >= 0 && complete(sofar.length - headEnd - 4, sofar, headers)) {
                    break;
                }
            }
        } catch (java.net.SocketException reset) {
            // The server closed a connection it stopped reading: what came before is the answer.
            if (headEnd < 0) {
                throw reset;
            }
        }
        if (headEnd < 0) {
            throw new IOException("no complete answer (" + all.size() + " bytes)");
        }
        byte[] body = Arrays.copyOfRange(all.toByteArray(), headEnd + 4, all.size());
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        } else if (headers.containsKey("content-length")) {
            body = Arrays.copyOf(body, Math.min(body.length, Integer.parseInt(headers.get("content-length"))));
        }
        return new Answer(status, headers, body);
    }

    private static boolean complete(int bodyBytes, byte[] sofar, Map<String, String> headers) {
        if (headers.containsKey("content-length")) {
            return bodyBytes >= Integer.parseInt(headers.get("content-length"));
        }
        return "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
                && new String(sofar, StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n");
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("broken chunk framing");
    }
}
