package org.ivrgateway.api;

/** QueryCallStatus's return codes 0–6: the state of a call, and what the script must do about it. */
public enum CallStatus {
    /** Not queued: nothing to do. */
    IDLE(0),
    /** Queued: keep checking. */
    QUEUED(1),
    /** Waiting for the IVR: an agent is assigned; transfer to the returned extension. */
    WAITING(2),
    /** No answer: the overflow time passed; transfer to the returned extension or another overflow number. */
    NO_ANSWER(3),
    /** An error occurred: transfer to a number outside the contact center. */
    ERROR(4),
    /** The call must be disconnected. */
    DISCONNECT(5),
    /** The call must be transferred to the returned extension. */
    TRANSFER(6);

    private final int code;

    CallStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static CallStatus of(int code) {
        for (CallStatus s : values()) {
            if (s.code == code) return s;
        }
        throw new IllegalArgumentException("no call status " + code);
    }
}
