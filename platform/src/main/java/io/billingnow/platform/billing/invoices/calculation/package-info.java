/**
 * The pure invoice arithmetic: from an immutable {@link io.billingnow.platform.billing.invoices.calculation.InvoiceInput}
 * to line amounts, the per-rate tax breakdown and the totals, all in {@code long} minor units that add up exactly.
 * No database, no framework types. The rules are written down in {@code docs/money.md}.
 */
package io.billingnow.platform.billing.invoices.calculation;
