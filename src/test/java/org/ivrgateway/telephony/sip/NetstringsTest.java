package org.ivrgateway.telephony.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** evapi's netstring framing: what Kamailio sends is read back exactly; a broken frame is an IOException. */
class NetstringsTest {

    private static InputStream of(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void framesAreReadInOrderWithMultibytePayloads() throws IOException {
        byte[] a = Netstrings.encode("{\"event\":\"pong\"}");
        byte[] b = Netstrings.encode("{\"ani\":\"Zoë, 日本\"}");
        byte[] both = new byte[a.length + b.length + 1];
        System.arraycopy(a, 0, both, 0, a.length);
        both[a.length] = '\n'; // evapi may separate frames with a line break
        System.arraycopy(b, 0, both, a.length + 1, b.length);
        InputStream in = new ByteArrayInputStream(both);
        assertEquals("{\"event\":\"pong\"}", Netstrings.read(in));
        assertEquals("{\"ani\":\"Zoë, 日本\"}", Netstrings.read(in));
        assertThrows(EOFException.class, () -> Netstrings.read(in));
    }

    @Test
    void brokenFramesAreRefused() {
        assertThrows(IOException.class, () -> Netstrings.read(of("x:abc,")), "not a length");
        assertThrows(IOException.class, () -> Netstrings.read(of("5:abc")), "truncated");
        assertThrows(IOException.class, () -> Netstrings.read(of("3:abc;")), "no comma");
        assertThrows(IOException.class, () -> Netstrings.read(of(":abc,")), "no length");
        assertThrows(IOException.class, () -> Netstrings.read(of("99999999:")), "too long");
        assertThrows(IOException.class, () -> Netstrings.read(of("12")), "ends inside the length");
    }
}
