package org.ivrgateway.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every return code of chapter 5 of the guide, with its meaning. The function-specific positive outcomes
 * (QueryCallStatus's 1–6, QueryRoutingInfo's 1–2) are {@link CallStatus} and {@link RoutingDecision}.
 */
public enum ReturnCode {
    SUCCESS(0, "Success."),
    NOT_INITIALIZED(-304, "Initialize was not called before this function (no API session)."),
    UNKNOWN_ERROR(-305, "Unknown error (user error or unstable system)."),
    INVALID_PARAMETER(-306, "A by-value parameter was of the wrong type, out of range, too long or missing."),
    CONTACT_DATA_KEY_NOT_SET(-307, "The contact-data key was not set before this call."),
    CALL_INFO_NOT_QUERIED(-308, "QueryCallInfo was not called before this function."),
    UNMONITORED_ONLY(-310, "This function can only be used for unmonitored IVR calls."),
    MONITORED_ONLY(-311, "This function does not support unmonitored IVR calls."),
    WRONG_SEQUENCE(-312, "Wrong sequence of operations (for example SetCallInfo after QueryCallInfo)."),
    BUSINESS_UNIT_ALREADY_SET(-313, "SetBusinessUnit was already called for this call."),
    UNKNOWN_BUSINESS_UNIT(-314, "The business unit is not defined."),
    LOW_RESOURCES(-400, "The system is low on resources."),
    TIMEOUT(-701, "The request timed out before the function completed."),
    SERVER_UNREACHABLE(-801, "Cannot connect to a contact-center server (the database, or a wrong administration server name)."),
    NO_STATUS_INFORMATION(-901, "No status information is available."),
    NO_CALL(-903, "No call is associated with the given CallID or device."),
    UNKNOWN_AGENT(-904, "The agent ID does not match any agent."),
    UNKNOWN_QUEUE(-905, "The queue does not match any queue name."),
    TSERVER_UNAVAILABLE_FOR_QUEUE(-907, "The call could not be queued because the telephony server is not available."),
    TSERVER_UNAVAILABLE(-908, "The telephony server is not available."),
    UNKNOWN_DEVICE(-909, "The device does not match any device."),
    VERSION_MISMATCH(-910, "The API version does not match the contact center's version."),
    CORRUPT_DATA(-911, "The function's data became corrupt."),
    INVALID_TO_DEVICE(-913, "The destination device is not valid."),
    OPERATION_FAILED(-914, "The attempted operation failed."),
    NO_ROUTING_INFO(-915, "No queue or routing information could be found for the configured routing."),
    ROUTING_WORKFLOW_ERROR(-916, "An error occurred in the routing server while running the workflow."),
    TAPI_CONVERSION_ERROR(-917, "Error in the TAPI conversion of a number."),
    TRANSIT_NUMBERS_BUSY(-927, "All transit numbers are in use."),
    NO_TRANSIT_NUMBER_HELD(-928, "No transit number is associated with this call."),
    NO_TRANSIT_NUMBERS(-929, "No transit number is configured."),
    MONITORING_MISMATCH(-931, "The call's monitoring type differs between the API and the telephony server."),
    NO_MULTI_TENANT_LICENSE(-955, "Multi-tenancy is not enabled."),
    DUPLICATE_CALLBACK(-1006, "A duplicate callback."),
    INVALID_CALLBACK_ID(-1021, "Invalid callback ID."),
    INVALID_SCHEDULE_TIME(-1028, "A schedule time is not valid."),
    SCHEDULE_OUTSIDE_BUSINESS_HOURS(-1029, "No schedule overlaps the contact center's business hours."),
    EXCLUDED_NUMBER(-1031, "A phone number is on the excluded list."),
    CONTACT_DATA_TOO_LARGE(-1033, "A callback cannot take more than 1000 bytes of contact data."),
    SCHEDULES_EXPIRED(-1040, "All schedules have already expired."),
    INVALID_CALLBACK_QUEUE(-1045, "The callback queue name is not valid."),
    SCHEDULE_TOO_FAR(-1047, "A schedule has a date too far in the future.");

    private static final Map<Integer, ReturnCode> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ReturnCode::code, Function.identity()));

    private final int code;
    private final String meaning;

    ReturnCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<ReturnCode> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
