package io.billingnow.platform.billing.invoices;

/** Open money in one currency, in its minor units: what collectible invoices still owe, and the overdue part of it. */
public record OpenTotals(String currency, long outstanding, long overdue) {
}
