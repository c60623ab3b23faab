package org.ubiopsgateway.gateway.dev;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dev mode's key file: made once, owner-only, the same key on every later start; a broken file says how to mend it. */
class DevKeyFileTest {

    @Test
    void theFirstStartMakesAKeyThatLaterStartsReuse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/signing-key.pem");
        KeyPair first = DevKeyFile.loadOrCreate(file);
        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        KeyPair second = DevKeyFile.loadOrCreate(file);
        assertArrayEquals(first.getPrivate().getEncoded(), second.getPrivate().getEncoded());
        assertArrayEquals(first.getPublic().getEncoded(), second.getPublic().getEncoded());
    }

    @Test
    void aBrokenFileIsNamedWithTheWayOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signing-key.pem");
        Files.writeString(file, "not a key");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DevKeyFile.loadOrCreate(file));
        assertTrue(e.getMessage().contains("delete it"), e.getMessage());
    }
}
