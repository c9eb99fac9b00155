package org.ivrgateway.api;

import static org.ivrgateway.api.Parameter.integer;
import static org.ivrgateway.api.Parameter.numericString;
import static org.ivrgateway.api.Parameter.string;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The parameter catalog: the 25 functions of the guide's chapter 4, each with its parameter table, the
 * state it needs, the kind of call it accepts and the return codes the guide lists for it.
 *
 * <p>This is the single source for validation (core), for binding and rendering (gateway) and for the
 * conformance docs. Names are spelled as in the guide's tables; lookups by name ignore the case of ASCII
 * letters only ({@link AsciiNames}).
 */
public enum IvrFunction {
    CALLER_DISCONNECTED("CallerDisconnected", "4.2", Scope.CALL, CallKind.UNMONITORED_ONLY,
            List.of(callId(), integer("TermType", 0, 2)),
            0, -308, -310, -910, -931),
    CREATE_CALLBACK("CreateCallback", "4.3", Scope.CALL, CallKind.ANY,
            List.of(callId().inOut(), string("QueueName", 32), string("Description", 100).inOut().optional(),
                    integer("TimeZoneOffset", -720, 720), string("ContactName", 80),
                    string("CallbackID", 17).byReference(),
                    string("Schedule1", 81), string("Schedule2", 81).optional(), string("Schedule3", 81).optional()),
            0, -308, -314, -1006, -1028, -1029, -1031, -1033, -1040, -1045, -1047),
    DELETE_CALLBACK("DeleteCallback", "4.4", Scope.CALL, CallKind.ANY,
            List.of(string("CallbackID", 17)),
            0, -1021),
    DEQUEUE("Dequeue", "4.5", Scope.CALL, CallKind.ANY,
            List.of(callId()),
            0, -304, -306, -308, -701, -801),
    DISCONNECT("Disconnect", "4.6", Scope.CALL, CallKind.MONITORED_ONLY,
            List.of(callId()),
            0, -304, -306, -311, -701, -801, -903, -914),
    ENQUEUE("Enqueue", "4.7", Scope.CALL, CallKind.ANY,
            List.of(callId(), integer("IVRHold", 0, 1), string("QueueName", 32), integer("InitialPriority", 1, 100),
                    string("Description", 100).optional(),
                    nonNegative("EstimatedWait").byReference(), nonNegative("CallsInQueue").byReference(),
                    string("ANIDNIS", 161).optional()),
            0, -304, -305, -306, -314, -701, -801, -903, -905, -907, -908),
    ENQUEUE_FOR_AGENT("EnqueueForAgent", "4.8", Scope.CALL, CallKind.ANY,
            List.of(callId(), integer("IVRHold", 0, 1), string("QueueName", 32), integer("InitialPriority", 1, 100),
                    string("Description", 100).optional(), string("AgentID", 8), positive("AgentWaitTime"),
                    nonNegative("EstimatedWait").byReference(), nonNegative("CallsInQueue").byReference(),
                    string("ANIDNIS", 161).optional()),
            0, -304, -305, -306, -314, -701, -801, -903, -904, -905, -907, -908),
    GET_BUSINESS_UNIT("GetBusinessUnit", "4.9", Scope.CALL, CallKind.ANY,
            List.of(callId(), string("BusinessUnitName", 32).byReference()),
            0, -306, -400, -914),
    GET_CALL_TRANSFERABLE("GetCallTransferable", "4.10", Scope.CALL, CallKind.MONITORED_ONLY,
            List.of(callId(), integer("FlagValue", 0, 1).byReference()),
            0, -304, -306, -311, -701, -801),
    GET_CONTACT_DATA("GetContactData", "4.11", Scope.CALL, CallKind.ANY,
            List.of(callId(), string("Key", 32), string("Value", 128).byReference()),
            0, -304, -306, -307, -701, -801),
    GET_TRANSIT_NUMBER("GetTransitNumber", "4.12", Scope.CALL, CallKind.UNMONITORED_ONLY,
            List.of(callId(), string("TransitNumber", 80).byReference()),
            0, -308, -310, -910, -927, -929, -931),
    INITIALIZE("Initialize", "4.13", Scope.NONE, CallKind.ANY,
            List.of(numericString("LocalPort", 1, 32767), string("AdminServerName", 128), positive("RpcTimeout"),
                    // Not in the guide: the API session, for browsers that keep no cookies (docs/VXML.md, "Sessions").
                    string("SessionID", 64).byReference()),
            0, -306, -910),
    QUERY_AGENT_STATUS("QueryAgentStatus", "4.14", Scope.SESSION, CallKind.ANY,
            List.of(string("AgentID", 8).inOut().optional(), string("Device", 16).inOut().optional(),
                    positive("AgentStatus").byReference()),
            0, -904, -909),
    QUERY_CALL_INFO("QueryCallInfo", "4.15", Scope.SESSION, CallKind.ANY,
            List.of(string("Device", 16), callId().byReference(), string("originalANI", 80).byReference(),
                    string("originalDNIS", 80).byReference(), string("UUID", 32).byReference(),
                    nonNegative("Visits").byReference(), integer("FMNQ", 0, 1).byReference(),
                    string("InternalANI", 80).byReference(), string("InternalDNIS", 80).byReference(),
                    string("TrunkConnectedIVRCall", 0).optional()),
            0, -304, -306, -701, -801),
    QUERY_CALL_STATUS("QueryCallStatus", "4.16", Scope.CALL, CallKind.ANY,
            List.of(callId(), nonNegative("Timeout"), string("Extension", 80).byReference(),
                    nonNegative("PositionInQueue").byReference()),
            0, 1, 2, 3, 4, 5, 6, -304, -306, -308, -701, -801, -903, -908),
    QUERY_QUEUE_STATISTICS("QueryQueueStatistics", "4.17", Scope.SESSION, CallKind.ANY,
            List.of(string("QueueName", 32), nonNegative("CallsInQueue").byReference(),
                    nonNegative("EstimatedWait").byReference(), nonNegative("AverageWait").byReference(),
                    nonNegative("OldestCallInQueue").byReference(), integer("ServiceLevel", 0, 100).byReference(),
                    string("BusinessUnitName", 32).optional().onlyWhenMultiTenant()),
            0, -304, -306, -314, -701, -801, -905),
    QUERY_ROUTING_INFO("QueryRoutingInfo", "4.18", Scope.CALL, CallKind.ANY,
            List.of(callId(), string("Destination", 80).byReference(), string("AgentID", 8).byReference(),
                    positive("AgentWaitTime").byReference(), string("Description", 100).byReference(),
                    integer("InitialPriority", 1, 100).byReference(), nonNegative("EstimatedWait").byReference(),
                    nonNegative("CallsInQueue").byReference(), string("ANIDNIS", 161).optional()),
            0, 1, 2, -304, -306, -400, -801, -915, -916),
    QUERY_SYSTEM_STATUS("QuerySystemStatus", "4.19", Scope.SESSION, CallKind.ANY,
            List.of(integer("OverallStatus", 0, 1).byReference(), string("IndividualServerStates", 250).byReference(),
                    nonNegative("Entries").byReference()),
            0, -304, -306, -701, -801, -901),
    RELEASE_TRANSIT_NUMBER("ReleaseTransitNumber", "4.20", Scope.CALL, CallKind.UNMONITORED_ONLY,
            List.of(callId()),
            0, -308, -310, -910, -928, -931),
    SET_BUSINESS_UNIT("SetBusinessUnit", "4.21", Scope.CALL, CallKind.ANY,
            List.of(callId(), string("BusinessUnitName", 32)),
            0, -304, -306, -308, -313, -314, -400, -801, -910, -955),
    SET_CALL_INFO("SetCallInfo", "4.22", Scope.SESSION, CallKind.ANY,
            List.of(string("ANI", 80), string("DNIS", 80)),
            0, -304, -306, -312),
    SET_CALL_TRANSFERABLE("SetCallTransferable", "4.23", Scope.CALL, CallKind.MONITORED_ONLY,
            List.of(callId(), integer("FlagValue", 0, 1)),
            0, -304, -306, -311, -701, -801),
    SET_CONTACT_DATA("SetContactData", "4.24", Scope.CALL, CallKind.ANY,
            List.of(callId(), string("Key", 32), string("Value", 128).emptyIsAValue()),
            0, -304, -306, -308, -701, -801),
    SET_DISPLAY("SetDisplay", "4.25", Scope.CALL, CallKind.ANY,
            List.of(callId(), string("DisplayInfo", 240).emptyIsAValue()),
            0, -304, -306, -701, -801),
    TRANSFER("Transfer", "4.26", Scope.CALL, CallKind.MONITORED_ONLY,
            List.of(callId(), string("ToDevice", 80)),
            0, -304, -306, -311, -701, -801, -903, -909, -913, -914, -917);

    /** What must have happened in the API session before the function may run. */
    public enum Scope {
        /** Nothing: Initialize creates the session. */
        NONE,
        /** Initialize (else -304). */
        SESSION,
        /** Initialize (else -304), then QueryCallInfo (else -308). */
        CALL
    }

    /** Which calls the function accepts (docs/CONFORMANCE.md: -310, -311). */
    public enum CallKind {
        ANY,
        /** Monitored calls only; an unmonitored call gets -311. */
        MONITORED_ONLY,
        /** Unmonitored calls only; a monitored call gets -310. */
        UNMONITORED_ONLY
    }

    private static final Map<String, IvrFunction> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(f -> AsciiNames.lower(f.guideName), Function.identity()));

    private final String guideName;
    private final String section;
    private final Scope scope;
    private final CallKind callKind;
    private final List<Parameter> parameters;
    private final List<Integer> documentedCodes;

    IvrFunction(String guideName, String section, Scope scope, CallKind callKind, List<Parameter> parameters,
                int... documentedCodes) {
        this.guideName = guideName;
        this.section = section;
        this.scope = scope;
        this.callKind = callKind;
        this.parameters = List.copyOf(parameters);
        this.documentedCodes = Arrays.stream(documentedCodes).boxed().toList();
    }

    /** The function's name as the guide spells it, also its URL segment. */
    public String guideName() {
        return guideName;
    }

    /** The guide's section that defines it, such as "4.7". */
    public String section() {
        return section;
    }

    public Scope scope() {
        return scope;
    }

    public CallKind callKind() {
        return callKind;
    }

    /** All parameters, in the guide's order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The parameters a caller supplies (by value, and by reference with input). */
    public List<Parameter> inputs() {
        return parameters.stream().filter(p -> p.direction().isInput()).toList();
    }

    /** The result variables besides ReturnCode: every by-reference parameter, in the guide's order. */
    public List<Parameter> outputs() {
        return parameters.stream().filter(p -> p.direction().isOutput()).toList();
    }

    /** The return codes the guide lists for this function, success included. */
    public List<Integer> documentedCodes() {
        return documentedCodes;
    }

    /** The parameter of that name, ignoring the case of ASCII letters. */
    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> AsciiNames.same(p.name(), name)).findFirst();
    }

    /** The function of that guide name, ignoring the case of ASCII letters. */
    public static Optional<IvrFunction> byName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(AsciiNames.lower(name)));
    }

    private static Parameter callId() {
        return string("CallID", 18);
    }

    private static Parameter positive(String name) {
        return integer(name, 1, Integer.MAX_VALUE);
    }

    private static Parameter nonNegative(String name) {
        return integer(name, 0, Integer.MAX_VALUE);
    }
}
