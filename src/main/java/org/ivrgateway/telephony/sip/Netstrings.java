package org.ivrgateway.telephony.sip;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The netstring framing of Kamailio's evapi socket ({@code 5:hello,}), in both directions
 * (docs/TELEPHONY.md). A frame longer than {@link #MAX_FRAME} bytes, or a malformed one, is an
 * {@link IOException}: the connection is then dropped and opened again.
 */
final class Netstrings {
    static final int MAX_FRAME = 1 << 20;

    private Netstrings() {
    }

    static byte[] encode(String payload) {
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        byte[] head = (data.length + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[head.length + data.length + 1];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(data, 0, frame, head.length, data.length);
        frame[frame.length - 1] = ',';
        return frame;
    }

    /** The next frame's payload; {@link EOFException} when the stream ends between frames. */
    static String read(InputStream in) throws IOException {
        int length = 0;
        int digits = 0;
        for (int b = in.read(); ; b = in.read()) {
            if (b == -1) {
                if (digits == 0) throw new EOFException("evapi connection closed");
                throw new IOException("evapi stream ended inside a frame length");
            }
            if (b == ':') break;
            if (b == '\n' || b == '\r') {
                if (digits == 0) continue;
                throw new IOException("evapi frame length broken by a line break");
            }
            if (b < '0' || b > '9' || ++digits > 7) throw new IOException("malformed evapi frame length");
            length = length * 10 + (b - '0');
        }
        if (digits == 0 || length > MAX_FRAME) throw new IOException("bad evapi frame length " + length);
        byte[] data = in.readNBytes(length);
        if (data.length < length || in.read() != ',') throw new IOException("truncated evapi frame");
        return new String(data, StandardCharsets.UTF_8);
    }
}
