/** Calls known to the core (monitored and unmonitored), their CallIDs and their contact data. */
package org.ivrgateway.core.call;
