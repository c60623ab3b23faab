package org.ubiopsgateway.gateway.upstream;

import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.upstream.wire.RevisionFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RevisionFileNameTest {

    @Test
    void plainNameIsReadQuotedOrNot() {
        assertEquals("model.zip", RevisionFile.fileName("attachment; filename=\"model.zip\""));
        assertEquals("model.zip", RevisionFile.fileName("attachment; filename=model.zip"));
        assertNull(RevisionFile.fileName(null));
        assertNull(RevisionFile.fileName("attachment"));
    }

    @Test
    void extendedNameIsDecodedAndWinsOverThePlainOne() {
        assertEquals("€ model+v1.zip",
                RevisionFile.fileName("attachment; filename=\"model.zip\"; filename*=UTF-8''%E2%82%AC%20model+v1.zip"));
        assertEquals("€.zip", RevisionFile.fileName("attachment; filename*=UTF-8''%E2%82%AC.zip"));
    }
}
