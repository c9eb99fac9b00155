/**
 * The web layer on the api interfaces: REST ({@code rest}), operations ({@code ops}) and the console; {@link
 * org.ivrgateway.web.Web#install} puts them into the server's servlet context.
 */
package org.ivrgateway.web;
