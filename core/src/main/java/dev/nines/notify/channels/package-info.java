/**
 * The channel types: one file per vendor, each turning an {@link dev.nines.notify.Alert} into the
 * exact message its vendor documents. They only render; sending is the server's job.
 */
package dev.nines.notify.channels;
