/**
 * Amounts of money as whole numbers of minor units ({@link io.billingnow.platform.billing.money.Money}) and the ISO 4217
 * currencies invoices may use ({@link io.billingnow.platform.billing.money.CurrencyUnit}). Pure Java; see
 * {@code docs/money.md}.
 */
package io.billingnow.platform.billing.money;
