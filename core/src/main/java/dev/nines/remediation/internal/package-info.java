/** Helpers of the remediation package; not API. */
package dev.nines.remediation.internal;
