package org.ivrgateway.web.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.ivrgateway.api.Invocation;
import org.ivrgateway.api.IvrApi;
import org.ivrgateway.api.Result;

/**
 * The IVR API with every invocation counted and timed as {@code ivr_function_calls} by function and return
 * code, whichever channel (VoiceXML, XML, JSON) it came through: the gateway answers HTTP 200 for every
 * return code, so the HTTP status alone cannot tell a -903 from a success.
 */
public final class MeteredIvrApi implements IvrApi {
    private final IvrApi api;
    private final MeterRegistry registry;

    public MeteredIvrApi(IvrApi api, MeterRegistry registry) {
        this.api = api;
        this.registry = registry;
    }

    @Override
    public Result invoke(Invocation invocation) {
        Timer.Sample sample = Timer.start(registry);
        Result result = api.invoke(invocation);
        sample.stop(Timer.builder("ivr.function.calls")
                .description("IVR API invocations by function and return code")
                .tags("function", invocation.function().guideName(), "returnCode", String.valueOf(result.returnCode()))
                .register(registry));
        return result;
    }
}
