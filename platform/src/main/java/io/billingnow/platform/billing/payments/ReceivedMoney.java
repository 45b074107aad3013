package io.billingnow.platform.billing.payments;

/** Money received in one currency over a period, in its minor units: payments minus refunds. */
public record ReceivedMoney(String currency, long amount) {
}
