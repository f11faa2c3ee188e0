/**
 * Evidence that a demo checkpoint carries the intended structure (answer accuracy, answer probes by position,
 * steering against random controls), measured with the independent double-precision reference forward. Entry
 * point: {@link io.mechanist.devtools.verify.VerifyDemoModel}.
 */
package io.mechanist.devtools.verify;
