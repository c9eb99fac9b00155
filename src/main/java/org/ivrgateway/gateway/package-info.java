/**
 * The subdialog gateway (docs/VXML.md): every function of the IVR API at {@code /vxml/{Function}} as a
 * VoiceXML 2.1 subdialog, and the same invocation at {@code /xml/{Function}} (JAXB) and
 * {@code /api/ivr/{Function}} (JSON). A request is bound once into an {@link org.ivrgateway.api.Invocation}
 * ({@link org.ivrgateway.gateway.RequestBinder}), run through {@link org.ivrgateway.api.IvrApi#invoke} and the
 * {@link org.ivrgateway.api.Result} handed to one of three renderers. Depends on {@code org.ivrgateway.api} only.
 */
package org.ivrgateway.gateway;
