/**
 * The contact center's configuration as immutable records (README.md, "Configuration"). Each record validates itself
 * and names the key at fault; the server's YAML loader turns those failures into messages with the line.
 */
package org.ivrgateway.config;
