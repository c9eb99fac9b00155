/**
 * The REST API (README.md) over the api interfaces: agents, the telephony side's reports and events, and
 * the read views; JSON in and out, errors as {@code {"error", "code"}} with a 4xx status for bad requests.
 */
package org.ivrgateway.web.rest;
