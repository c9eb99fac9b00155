/** Operations endpoints and instrumentation: {@code /health}, {@code /metrics}, request and function metrics. */
package org.ivrgateway.web.ops;
