package org.ivrgateway.api;

import static org.ivrgateway.api.IvrFunction.*;

/**
 * The IVR API: the guide's 25 functions.
 *
 * <p>Every function goes through {@link #invoke}, which validates against the catalog, checks the session
 * and the call, enforces the session's RpcTimeout and turns every failure into a return code: it never
 * throws for anything a caller sends. The typed methods are the same calls written as the guide writes
 * them; {@code session} is the SessionID that {@link #initialize} returned (null for none, giving -304).
 * Optional parameters may be null.
 */
public interface IvrApi {

    Result invoke(Invocation invocation);

    default Result callerDisconnected(String session, String callId, int termType) {
        return invoke(Invocation.of(CALLER_DISCONNECTED, session).with("CallID", callId).with("TermType", termType));
    }

    default Result createCallback(String session, String callId, String queueName, String description,
                                  int timeZoneOffset, String contactName,
                                  String schedule1, String schedule2, String schedule3) {
        return invoke(Invocation.of(CREATE_CALLBACK, session).with("CallID", callId).with("QueueName", queueName)
                .with("Description", description).with("TimeZoneOffset", timeZoneOffset)
                .with("ContactName", contactName).with("Schedule1", schedule1).with("Schedule2", schedule2)
                .with("Schedule3", schedule3));
    }

    default Result deleteCallback(String session, String callbackId) {
        return invoke(Invocation.of(DELETE_CALLBACK, session).with("CallbackID", callbackId));
    }

    default Result dequeue(String session, String callId) {
        return invoke(Invocation.of(DEQUEUE, session).with("CallID", callId));
    }

    default Result disconnect(String session, String callId) {
        return invoke(Invocation.of(DISCONNECT, session).with("CallID", callId));
    }

    default Result enqueue(String session, String callId, int ivrHold, String queueName, int initialPriority,
                           String description, String aniDnis) {
        return invoke(Invocation.of(ENQUEUE, session).with("CallID", callId).with("IVRHold", ivrHold)
                .with("QueueName", queueName).with("InitialPriority", initialPriority)
                .with("Description", description).with("ANIDNIS", aniDnis));
    }

    default Result enqueueForAgent(String session, String callId, int ivrHold, String queueName,
                                   int initialPriority, String description, String agentId, int agentWaitTime,
                                   String aniDnis) {
        return invoke(Invocation.of(ENQUEUE_FOR_AGENT, session).with("CallID", callId).with("IVRHold", ivrHold)
                .with("QueueName", queueName).with("InitialPriority", initialPriority)
                .with("Description", description).with("AgentID", agentId).with("AgentWaitTime", agentWaitTime)
                .with("ANIDNIS", aniDnis));
    }

    default Result getBusinessUnit(String session, String callId) {
        return invoke(Invocation.of(GET_BUSINESS_UNIT, session).with("CallID", callId));
    }

    default Result getCallTransferable(String session, String callId) {
        return invoke(Invocation.of(GET_CALL_TRANSFERABLE, session).with("CallID", callId));
    }

    default Result getContactData(String session, String callId, String key) {
        return invoke(Invocation.of(GET_CONTACT_DATA, session).with("CallID", callId).with("Key", key));
    }

    default Result getTransitNumber(String session, String callId) {
        return invoke(Invocation.of(GET_TRANSIT_NUMBER, session).with("CallID", callId));
    }

    /** Starts an API session for {@code client} on {@code localPort}; the result carries its SessionID. */
    default Result initialize(String client, String localPort, String adminServerName, int rpcTimeout) {
        return invoke(Invocation.of(INITIALIZE, null).from(client).with("LocalPort", localPort)
                .with("AdminServerName", adminServerName).with("RpcTimeout", rpcTimeout));
    }

    default Result queryAgentStatus(String session, String agentId, String device) {
        return invoke(Invocation.of(QUERY_AGENT_STATUS, session).with("AgentID", agentId).with("Device", device));
    }

    default Result queryCallInfo(String session, String device, String trunkConnectedIvrCall) {
        return invoke(Invocation.of(QUERY_CALL_INFO, session).with("Device", device)
                .with("TrunkConnectedIVRCall", trunkConnectedIvrCall));
    }

    default Result queryCallStatus(String session, String callId, int timeoutMillis) {
        return invoke(Invocation.of(QUERY_CALL_STATUS, session).with("CallID", callId).with("Timeout", timeoutMillis));
    }

    default Result queryQueueStatistics(String session, String queueName, String businessUnitName) {
        return invoke(Invocation.of(QUERY_QUEUE_STATISTICS, session).with("QueueName", queueName)
                .with("BusinessUnitName", businessUnitName));
    }

    default Result queryRoutingInfo(String session, String callId, String aniDnis) {
        return invoke(Invocation.of(QUERY_ROUTING_INFO, session).with("CallID", callId).with("ANIDNIS", aniDnis));
    }

    default Result querySystemStatus(String session) {
        return invoke(Invocation.of(QUERY_SYSTEM_STATUS, session));
    }

    default Result releaseTransitNumber(String session, String callId) {
        return invoke(Invocation.of(RELEASE_TRANSIT_NUMBER, session).with("CallID", callId));
    }

    default Result setBusinessUnit(String session, String callId, String businessUnitName) {
        return invoke(Invocation.of(SET_BUSINESS_UNIT, session).with("CallID", callId)
                .with("BusinessUnitName", businessUnitName));
    }

    default Result setCallInfo(String session, String ani, String dnis) {
        return invoke(Invocation.of(SET_CALL_INFO, session).with("ANI", ani).with("DNIS", dnis));
    }

    default Result setCallTransferable(String session, String callId, int flagValue) {
        return invoke(Invocation.of(SET_CALL_TRANSFERABLE, session).with("CallID", callId).with("FlagValue", flagValue));
    }

    default Result setContactData(String session, String callId, String key, String value) {
        return invoke(Invocation.of(SET_CONTACT_DATA, session).with("CallID", callId).with("Key", key)
                .with("Value", value));
    }

    default Result setDisplay(String session, String callId, String displayInfo) {
        return invoke(Invocation.of(SET_DISPLAY, session).with("CallID", callId).with("DisplayInfo", displayInfo));
    }

    default Result transfer(String session, String callId, String toDevice) {
        return invoke(Invocation.of(TRANSFER, session).with("CallID", callId).with("ToDevice", toDevice));
    }
}
