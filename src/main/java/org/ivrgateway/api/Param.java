package org.ivrgateway.api;

/**
 * The names of the IVR functions' parameters, as the guide spells them in its tables and as
 * {@link IvrFunction}'s catalog declares them: code that reads an argument or writes a result variable
 * names it through these constants, so a misspelt name does not compile. {@code ParamTest} checks that
 * every constant is a parameter of the catalog and every parameter of the catalog has its constant.
 */
public final class Param {
    public static final String ADMIN_SERVER_NAME = "AdminServerName";
    public static final String AGENT_ID = "AgentID";
    public static final String AGENT_STATUS = "AgentStatus";
    public static final String AGENT_WAIT_TIME = "AgentWaitTime";
    public static final String ANI = "ANI";
    public static final String ANIDNIS = "ANIDNIS";
    public static final String AVERAGE_WAIT = "AverageWait";
    public static final String BUSINESS_UNIT_NAME = "BusinessUnitName";
    public static final String CALLBACK_ID = "CallbackID";
    public static final String CALL_ID = "CallID";
    public static final String CALLS_IN_QUEUE = "CallsInQueue";
    public static final String CONTACT_NAME = "ContactName";
    public static final String DESCRIPTION = "Description";
    public static final String DESTINATION = "Destination";
    public static final String DEVICE = "Device";
    public static final String DISPLAY_INFO = "DisplayInfo";
    public static final String DNIS = "DNIS";
    public static final String ENTRIES = "Entries";
    public static final String ESTIMATED_WAIT = "EstimatedWait";
    public static final String EXTENSION = "Extension";
    public static final String FLAG_VALUE = "FlagValue";
    public static final String FMNQ = "FMNQ";
    public static final String INDIVIDUAL_SERVER_STATES = "IndividualServerStates";
    public static final String INITIAL_PRIORITY = "InitialPriority";
    public static final String INTERNAL_ANI = "InternalANI";
    public static final String INTERNAL_DNIS = "InternalDNIS";
    public static final String IVR_HOLD = "IVRHold";
    public static final String KEY = "Key";
    public static final String LOCAL_PORT = "LocalPort";
    public static final String OLDEST_CALL_IN_QUEUE = "OldestCallInQueue";
    public static final String ORIGINAL_ANI = "originalANI";
    public static final String ORIGINAL_DNIS = "originalDNIS";
    public static final String OVERALL_STATUS = "OverallStatus";
    public static final String POSITION_IN_QUEUE = "PositionInQueue";
    public static final String QUEUE_NAME = "QueueName";
    public static final String RPC_TIMEOUT = "RpcTimeout";
    public static final String SCHEDULE1 = "Schedule1";
    public static final String SCHEDULE2 = "Schedule2";
    public static final String SCHEDULE3 = "Schedule3";
    public static final String SERVICE_LEVEL = "ServiceLevel";
    public static final String SESSION_ID = "SessionID";
    public static final String TERM_TYPE = "TermType";
    public static final String TIMEOUT = "Timeout";
    public static final String TIME_ZONE_OFFSET = "TimeZoneOffset";
    public static final String TO_DEVICE = "ToDevice";
    public static final String TRANSIT_NUMBER = "TransitNumber";
    public static final String TRUNK_CONNECTED_IVR_CALL = "TrunkConnectedIVRCall";
    public static final String UUID = "UUID";
    public static final String VALUE = "Value";
    public static final String VISITS = "Visits";

    private Param() {
    }
}
