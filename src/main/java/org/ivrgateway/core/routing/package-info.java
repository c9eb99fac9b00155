/**
 * QueryRoutingInfo's routing rules (guide 4.18; docs/ARCHITECTURE.md): the ordered {@code routing:} list of the
 * config, first rule whose conditions all hold decides enqueue (0), disconnect (1) or transfer (2).
 */
package org.ivrgateway.core.routing;
