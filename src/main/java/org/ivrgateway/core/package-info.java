/**
 * The contact center itself: API sessions, calls at IVR ports, agents and their states, queues and
 * routing, statistics from measured history, timers, transit numbers, callbacks, business units, routing
 * rules and system status. {@code ContactCenter} implements the {@code api} interfaces over the store.
 */
package org.ivrgateway.core;
