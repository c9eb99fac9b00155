/**
 * A headless VoiceXML 2.1 browser for tests: it fetches documents over HTTP (validating each against the W3C
 * schema), runs the form interpretation algorithm with Rhino as its ECMAScript engine, and plays a scripted
 * caller (DTMF, silence, hang-up) and a scripted switch (transfer outcomes). Everything the caller would hear
 * or the platform would do (prompts, logs, fetches, transfers, disconnects, events) is recorded as a
 * {@link org.ivrgateway.samples.interpreter.Trace} in the {@link org.ivrgateway.samples.interpreter.CallRecord}.
 * The {@link org.ivrgateway.samples.interpreter.CallScript} also chooses the kind of platform: with or without
 * the builtin grammars, what {@code session.connection.local.uri} is, how transfers fail (a result or an
 * {@code error.connection.*} event), which fetch fails; a step budget stops an application that never ends
 * (docs/SAMPLES.md, "How they are tested").
 *
 * <p>It covers what the samples and the gateway's documents use, not all of VoiceXML: no speech, no
 * {@code <menu>}, {@code <record>}, {@code <object>}, {@code <initial>} or {@code <link>}; those throw
 * {@code error.unsupported.*}.
 */
package org.ivrgateway.samples.interpreter;
