/**
 * Amounts of money as whole numbers of minor units ({@link io.billingnow.platform.money.Money}) and the ISO 4217
 * currencies invoices may use ({@link io.billingnow.platform.money.CurrencyUnit}). Pure Java; see
 * {@code docs/money.md}.
 */
package io.billingnow.platform.money;
