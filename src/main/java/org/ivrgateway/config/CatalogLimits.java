package org.ivrgateway.config;

import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Parameter;

/**
 * The limits a configured name shares with the parameter that carries it, read from the catalog: a queue,
 * agent, device or number the configuration accepts can always be named in, or returned by, a call.
 */
final class CatalogLimits {
    static final int QUEUE_NAME = maxLength(IvrFunction.ENQUEUE, "QueueName");
    static final int BUSINESS_UNIT = maxLength(IvrFunction.SET_BUSINESS_UNIT, "BusinessUnitName");
    static final int AGENT_ID = maxLength(IvrFunction.QUERY_AGENT_STATUS, "AgentID");
    static final int DEVICE = maxLength(IvrFunction.QUERY_CALL_INFO, "Device");
    static final int DESTINATION = maxLength(IvrFunction.QUERY_ROUTING_INFO, "Destination");
    static final int TRANSIT_NUMBER = maxLength(IvrFunction.GET_TRANSIT_NUMBER, "TransitNumber");
    static final int ADMIN_SERVER_NAME = maxLength(IvrFunction.INITIALIZE, "AdminServerName");
    static final Parameter PRIORITY = parameter(IvrFunction.ENQUEUE, "InitialPriority");

    private CatalogLimits() {
    }

    private static int maxLength(IvrFunction function, String name) {
        return parameter(function, name).maxLength();
    }

    private static Parameter parameter(IvrFunction function, String name) {
        return function.parameter(name).orElseThrow();
    }
}
