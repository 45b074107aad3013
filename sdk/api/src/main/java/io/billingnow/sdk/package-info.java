/**
 * The BillingNow plugin SDK: the only types a payment-provider plugin may depend on.
 */
package io.billingnow.sdk;
