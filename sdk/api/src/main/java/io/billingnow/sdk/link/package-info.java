/**
 * Payment-link issuance: the request the host sends and the link a plugin returns.
 */
package io.billingnow.sdk.link;
