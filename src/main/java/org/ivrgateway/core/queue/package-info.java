/** Queues and routing: enqueue, dequeue, matching calls to agents, overflow, reservations, queue history. */
package org.ivrgateway.core.queue;
