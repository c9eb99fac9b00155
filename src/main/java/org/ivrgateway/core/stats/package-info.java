/** Queue statistics computed from the measured history of queue stays. */
package org.ivrgateway.core.stats;
