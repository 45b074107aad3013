/**
 * The host's outbound HTTP transport. Plugins call providers only through it, so the host controls timeouts,
 * egress rules, proxies and logging.
 */
package io.billingnow.sdk.http;
