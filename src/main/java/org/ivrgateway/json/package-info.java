/**
 * The one JSON mapping every layer that speaks JSON shares ({@link org.ivrgateway.json.Json}); it depends
 * on nothing of the project.
 */
package org.ivrgateway.json;
