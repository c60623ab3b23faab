package org.ubiopsgateway.emulator;

import java.io.PrintStream;
import java.util.Map;

/**
 * Runs the emulator on its own: {@code java -jar ubiops-emulator-1.0.0-SNAPSHOT-runner.jar [options]}.
 * Options win over the environment ({@code EMULATOR_PORT}, {@code EMULATOR_HOST}, {@code EMULATOR_TOKEN}).
 */
public final class Main {

    static final int DEFAULT_PORT = 8089;
    static final String USAGE = """
            Usage: java -jar ubiops-emulator-runner.jar [options]
              --port <n>       port to listen on (default 8089; env EMULATOR_PORT; 0 = any free port)
              --host <host>    interface to bind (default 127.0.0.1; env EMULATOR_HOST)
              --token <token>  the API token to accept (default emulator-token; env EMULATOR_TOKEN)
              --no-seed        start empty, without the demo organization and projects
              --rate-limits    enforce UbiOps's per-minute rate limits from the start
              --help           show this text""";

    private Main() {
    }

    /** Thrown for arguments that cannot be used; the message says which. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        if (java.util.List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        EmulatorOptions options;
        try {
            options = parse(args, System.getenv());
        } catch (UsageException e) {
            fail(System.err, e.getMessage());
            System.exit(2);
            return;
        }
        UbiOpsEmulator emulator = UbiOpsEmulator.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-shutdown"));
        System.out.println("UbiOps emulator listening on " + emulator.baseUrl());
        System.out.println("API token: " + emulator.token() + "   (header: Authorization: Token " + emulator.token() + ")");
        System.out.println("Control endpoints: " + emulator.controlUrl());
    }

    /** The options for these arguments and environment, from {@link EmulatorOptions#defaults()} on port 8089. */
    static EmulatorOptions parse(String[] args, Map<String, String> env) throws UsageException {
        EmulatorOptions options = EmulatorOptions.defaults().withPort(DEFAULT_PORT);
        if (env.get("EMULATOR_PORT") != null) {
            options = options.withPort(port("EMULATOR_PORT", env.get("EMULATOR_PORT")));
        }
        if (env.get("EMULATOR_HOST") != null) {
            options = options.withHost(nonBlank("EMULATOR_HOST", env.get("EMULATOR_HOST")));
        }
        if (env.get("EMULATOR_TOKEN") != null) {
            options = options.withToken(token("EMULATOR_TOKEN", env.get("EMULATOR_TOKEN")));
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean takesValue = name.equals("--port") || name.equals("--host") || name.equals("--token");
            String value = null;
            if (takesValue) {
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException(name + " needs a value");
                }
            } else if (arg.contains("=")) {
                throw new UsageException(name + " takes no value");
            }
            options = switch (name) {
                case "--port" -> options.withPort(port(name, value));
                case "--host" -> options.withHost(nonBlank(name, value));
                case "--token" -> options.withToken(token(name, value));
                case "--no-seed" -> options.withSeed(false);
                case "--rate-limits" -> options.withRateLimits(true);
                default -> throw new UsageException("unknown option " + arg);
            };
        }
        return options;
    }

    private static int port(String name, String value) throws UsageException {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new UsageException(name + " must be between 0 and 65535, not " + port);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number, not '" + value + "'");
        }
    }

    private static String nonBlank(String name, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(name + " must not be empty");
        }
        return value.trim();
    }

    /** One word: the emulator compares the header with {@code Token <token>}. */
    private static String token(String name, String value) throws UsageException {
        String token = nonBlank(name, value);
        if (token.chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException(name + " must be a single word");
        }
        return token;
    }

    private static void fail(PrintStream err, String message) {
        err.println("error: " + message);
        err.println(USAGE);
    }
}
