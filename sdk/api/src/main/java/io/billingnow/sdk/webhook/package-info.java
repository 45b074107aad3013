/**
 * Webhook verification: the raw delivery a plugin receives, the normalised events it returns, and the typed
 * rejection it throws for anything not authentic.
 */
package io.billingnow.sdk.webhook;
