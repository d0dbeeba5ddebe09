package dev.generators.loop;

import java.io.IOException;

/**
 * A send that failed part way, saying how much of it was sent: the bytes before that went to
 * the peer's side of the connection, the rest did not. For {@link Sockets#sendAll} the buffer's
 * position is after the last byte sent; for a {@link StreamWriter} the count is of the bytes
 * written to it and not sent.
 */
public final class IncompleteSendException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long sent;
    private final long unsent;

    IncompleteSendException(String what, long sent, long unsent, Throwable cause) {
        super(what + " failed after sending " + sent + " bytes, leaving " + unsent + " unsent: " + cause, cause);
        this.sent = sent;
        this.unsent = unsent;
    }

    /** The bytes sent before the failure. */
    public long sent() {
        return sent;
    }

    /** The bytes that were not sent. */
    public long unsent() {
        return unsent;
    }
}
