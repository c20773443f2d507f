package io.disputedesk.dispute;

/** A count of disputes and the sum of their amounts in one currency (minor units). */
public record CurrencyTotal(String currency, long count, long amountMinor) {}
