/**
 * The web console (README.md): the supervisor's wallboard, the agent desktop, the telephony panel that
 * plays the switch side in a browser, and the configuration as loaded. Thymeleaf HTML pages from
 * {@code webapp/} on the classpath, form posts answered with Post/Redirect/Get, and a server-sent event
 * stream ({@code /console/events}) that tells open pages when the contact center changed. Reads views only:
 * the {@code api} interfaces and their view records, the configuration as a
 * {@link org.ivrgateway.api.ConfigurationView}; of the configuration records only the sign-in's
 * ({@code Role}, {@code AccessConfig}). Reading never counts as the telephony side speaking.
 */
package org.ivrgateway.web.console;
