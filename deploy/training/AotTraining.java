import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The training run that makes the gateway's class cache (docs/startup.md): starts the emulator and the packaged
 * gateway with the JVM that runs this program, sends the requests production sends (JWT-verified cached reads, a
 * pass-through read, an overview, a refused token, probes and a metrics scrape; with tracing on, the spans going to the
 * emulator), stops the gateway and checks that the cache was written. On Java 25 and later the cache is an AOT cache
 * (JEP 483/514), on older JVMs an AppCDS archive. It also writes {@code jvm-cache.args}, a JVM argument file naming
 * the cache, next to it: the image starts with {@code java @jvm-cache.args}.
 *
 * <p>Usage: {@code java AotTraining APP_DIR EMULATOR_JAR CACHE_DIR [JVM option...]}. The JVM options must be those
 * of production: a cache made with other options (heap layout, compact object headers) is not used.
 *
 * <p>Everything it makes up (signing key, token, UbiOps token) lives in a temporary directory deleted at the end;
 * the gateway's configuration comes from the environment only, so nothing of it is in the cache.
 *
 * <p>Plain JDK only (no dependencies), so it runs as a source file ({@code java deploy/training/AotTraining.java})
 * or compiled, on a runtime image without a compiler.
 */
public final class AotTraining {

    private static final String PROJECT = "/api/v1/projects/demo-project";
    private static final String ISSUER = "https://issuer.training.ubiops-gateway";
    private static final String AUDIENCE = "ubiops-gateway";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    /** Rounds of the request mix: enough for the hot paths to be profiled, not so many that the build drags. */
    private static final int ROUNDS = 200;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java AotTraining APP_DIR EMULATOR_JAR CACHE_DIR [JVM option...]");
            System.exit(2);
        }
        AotTraining training = new AotTraining();
        // stopped early (Ctrl-C, a cancelled build): the emulator and the gateway stop too
        Runtime.getRuntime().addShutdownHook(new Thread(() -> training.started.forEach(Process::destroyForcibly)));
        try {
            training.run(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath(),
                    Path.of(args[2]).toAbsolutePath(), List.of(args).subList(3, args.length));
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run(Path app, Path emulatorJar, Path cacheDir, List<String> jvmOptions) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        boolean aot = Runtime.version().feature() >= 25;
        Path cache = cacheDir.resolve(aot ? "app.aot" : "app.jsa");
        Files.deleteIfExists(cache);
        Path work = Files.createTempDirectory("aot-training");
        try {
            KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
            Path publicKey = work.resolve("training-public.pem");
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(key.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            String jwt = jwt(key, "aot-training");
            // a refused token: one's signature over another's claims
            String[] other = jwt(key, "someone-else").split("\\.");
            String forged = other[0] + "." + other[1] + "." + jwt.split("\\.")[2];
            String upstreamToken = UUID.randomUUID().toString();

            int emulatorPort = freePort();
            start(work.resolve("emulator.log"), Map.of(), java, "-jar", emulatorJar.toString(),
                    "--port", String.valueOf(emulatorPort), "--token", upstreamToken);
            String emulator = "http://127.0.0.1:" + emulatorPort;
            awaitOk(emulator + "/emulator/health");

            int gatewayPort = freePort();
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            command.add(aot ? "-XX:AOTCacheOutput=" + cache : "-XX:ArchiveClassesAtExit=" + cache);
            command.addAll(List.of("-jar", app.resolve("quarkus-run.jar").toString()));
            Process gateway = start(work.resolve("gateway.log"), Map.ofEntries(
                    Map.entry("UBIOPS_API_URL", emulator + "/v2.1"),
                    Map.entry("UBIOPS_API_TOKEN", upstreamToken),
                    Map.entry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString()),
                    Map.entry("MP_JWT_VERIFY_ISSUER", ISSUER),
                    Map.entry("MP_JWT_VERIFY_AUDIENCES", AUDIENCE),
                    Map.entry("QUARKUS_HTTP_HOST", "127.0.0.1"),
                    Map.entry("QUARKUS_HTTP_PORT", String.valueOf(gatewayPort)),
                    // The training sends as fast as the build machine goes: the same code paths run, but neither the
                    // caller limit nor the budget of calls to UbiOps may refuse it.
                    Map.entry("GATEWAY_RATE_LIMIT_CALLER_REQUESTS_PER_SECOND", "100000"),
                    Map.entry("GATEWAY_RATE_LIMIT_CALLER_BURST", "100000"),
                    Map.entry("GATEWAY_UPSTREAM_BUDGET_ENABLED", "false"),
                    // Tracing on, as in production with a collector: the SDK, the spans and their export are trained
                    // too (the emulator takes the spans); without it their 500-odd classes were loaded from the jars
                    // at every start, untrained.
                    Map.entry("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", emulator + "/emulator/otlp"),
                    Map.entry("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")), command.toArray(String[]::new));
            String gatewayUrl = "http://127.0.0.1:" + gatewayPort;
            awaitOk(gatewayUrl + "/q/health/live");

            for (int round = 0; round < ROUNDS; round++) {
                expect(200, gatewayUrl + PROJECT + "/instance-types", jwt);            // cached read
                expect(200, gatewayUrl + PROJECT + "/deployments/image-classifier", jwt); // pass-through read
                if (round % 10 == 0) {
                    expect(200, gatewayUrl + PROJECT + "/overview", jwt);
                    expect(401, gatewayUrl + PROJECT + "/instance-types", forged);
                    expect(200, gatewayUrl + "/q/health/ready", null);
                    expect(200, gatewayUrl + "/q/metrics", null);
                }
            }

            gateway.destroy(); // SIGTERM: the JVM writes the cache as it exits
            if (!gateway.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gateway did not exit");
            }
            if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
                throw new IllegalStateException("the JVM wrote no cache at " + cache);
            }
            // the argument file names the cache by absolute path: it is used where it was made
            Files.writeString(cacheDir.resolve("jvm-cache.args"),
                    (aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache + "\n");
            System.out.printf("%s: %d MB, from %d rounds of cached read, pass-through and overview%n",
                    cache, Files.size(cache) >> 20, ROUNDS);
        } catch (Exception e) {
            for (String log : List.of("emulator.log", "gateway.log")) {
                Path file = work.resolve(log);
                if (Files.exists(file)) {
                    System.err.println("---- " + log);
                    System.err.print(Files.readString(file));
                }
            }
            throw e;
        } finally {
            started.forEach(Process::destroy);
            for (Process p : started) {
                p.waitFor(30, TimeUnit.SECONDS);
            }
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A token the gateway accepts: RS256 over the claims it requires, an admin of every project, valid 1 hour. */
    private static String jwt(KeyPair key, String subject) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = b64(String.format("{\"iss\":\"%s\",\"aud\":\"%s\",\"sub\":\"%s\",\"groups\":[\"admin\"],"
                + "\"projects\":[\"*\"],\"iat\":%d,\"exp\":%d}", ISSUER, AUDIENCE, subject, now, now + 3600));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key.getPrivate());
        rs256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process start(Path log, Map<String, String> env, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private int get(String url, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void expect(int status, String url, String bearer) throws IOException, InterruptedException {
        int actual = get(url, bearer);
        if (actual != status) {
            throw new IllegalStateException("GET " + url + " answered " + actual + ", expected " + status);
        }
    }

    private void awaitOk(String url) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (started.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("a process of the training stopped before " + url + " answered");
            }
            try {
                if (get(url, null) == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(url + " did not answer 200 within " + START_TIMEOUT);
    }
}
