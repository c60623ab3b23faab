package org.ubiopsgateway.emulator;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stand-alone runner's arguments and environment. */
class MainTest {

    @Test
    void defaultsListenOnLoopbackPort8089WithTheSeed() throws Exception {
        EmulatorOptions options = Main.parse(new String[0], Map.of());
        assertEquals(8089, options.port());
        assertEquals("127.0.0.1", options.host());
        assertEquals(EmulatorOptions.DEFAULT_TOKEN, options.token());
        assertTrue(options.seed());
        assertFalse(options.rateLimits());
    }

    @Test
    void optionsAreRead() throws Exception {
        EmulatorOptions options = Main.parse(new String[] {"--port", "9000", "--host=0.0.0.0", "--token", "abc",
                "--no-seed", "--rate-limits"}, Map.of());
        assertEquals(9000, options.port());
        assertEquals("0.0.0.0", options.host());
        assertEquals("abc", options.token());
        assertFalse(options.seed());
        assertTrue(options.rateLimits());
    }

    @Test
    void environmentIsReadAndOptionsWin() throws Exception {
        Map<String, String> env = Map.of("EMULATOR_PORT", "7000", "EMULATOR_HOST", "0.0.0.0", "EMULATOR_TOKEN", "from-env");
        EmulatorOptions fromEnv = Main.parse(new String[0], env);
        assertEquals(7000, fromEnv.port());
        assertEquals("0.0.0.0", fromEnv.host());
        assertEquals("from-env", fromEnv.token());
        assertEquals(7001, Main.parse(new String[] {"--port=7001"}, env).port());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        String[][] bad = {{"--port"}, {"--port", "eighty"}, {"--port", "70000"}, {"--verbose"}, {"--no-seed=yes"},
                {"--token", "two words"}, {"--host", " "}};
        for (String[] args : bad) {
            assertThrows(Main.UsageException.class, () -> Main.parse(args, Map.of()), String.join(" ", args));
        }
        assertThrows(Main.UsageException.class, () -> Main.parse(new String[0], Map.of("EMULATOR_PORT", "x")));
    }
}
