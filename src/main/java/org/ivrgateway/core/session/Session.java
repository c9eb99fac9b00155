package org.ivrgateway.core.session;

/**
 * An API session (docs/VXML.md): the IVR port it serves, its RpcTimeout, the ANI/DNIS that SetCallInfo
 * gave, and the call QueryCallInfo bound to it (null before QueryCallInfo).
 */
public record Session(String id, String client, String localPort, int rpcTimeoutMillis, String ani, String dnis,
                      String callId, Boolean monitored, long lastUsedMs) {

    public boolean callQueried() {
        return callId != null;
    }
}
