/** Agents: logging on at a device, their states (the guide's 16 values), wrap-up after a call. */
package org.ivrgateway.core.agent;
