/**
 * A headless VoiceXML 2.1 browser for tests: it fetches documents over HTTP (validating each against the W3C
 * schema), runs the form interpretation algorithm with Rhino as its ECMAScript engine, and plays a scripted
 * caller (DTMF, silence, hang-up) and a scripted switch (transfer outcomes). Everything the caller would hear
 * or the platform would do (prompts, logs, fetches, transfers, disconnects, events) is recorded as a
 * {@link org.ivrgateway.samples.interpreter.Trace} in the {@link org.ivrgateway.samples.interpreter.CallRecord}.
 *
 * <p>It covers what the samples and the gateway's documents use, not all of VoiceXML: no speech, no
 * {@code <menu>}, {@code <record>}, {@code <object>}, {@code <initial>} or {@code <link>}; those throw
 * {@code error.unsupported.*}.
 */
package org.ivrgateway.samples.interpreter;
