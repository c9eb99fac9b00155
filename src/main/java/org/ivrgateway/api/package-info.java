/**
 * The contract of the IVR API, free of any implementation: the 25 functions ({@link org.ivrgateway.api.IvrApi}),
 * the parameter catalog ({@link org.ivrgateway.api.IvrFunction}), every return code
 * ({@link org.ivrgateway.api.ReturnCode}) and the result and view types. The gateway and the web console
 * depend on this package alone; the core implements it.
 */
package org.ivrgateway.api;
