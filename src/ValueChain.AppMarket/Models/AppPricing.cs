namespace ValueChain.AppMarket;

/// <summary>How an app is paid: the payment model's name (<see cref="PaymentModels"/>), its price in token base units and, for a subscription, its period.</summary>
/// <param name="Model">The payment model's name: <see cref="PaymentModels.OneTime"/>, <see cref="PaymentModels.PayPerUse"/>, <see cref="PaymentModels.Subscription"/> or one a deployment adds.</param>
/// <param name="Price">One-time: the purchase price; pay-per-use: the price of one usage unit; subscription: the price of one period. Above zero.</param>
/// <param name="PeriodSeconds">A subscription's period in seconds of ledger time (at least 60); zero for the other models.</param>
public sealed record AppPricing(string Model, UInt256 Price, long PeriodSeconds = 0)
{
    /// <summary>A one-time purchase at <paramref name="price"/>.</summary>
    public static AppPricing OneTime(UInt256 price) => new(PaymentModels.OneTime, price);

    /// <summary>Pay-per-use at <paramref name="pricePerUnit"/> per reported unit.</summary>
    public static AppPricing PayPerUse(UInt256 pricePerUnit) => new(PaymentModels.PayPerUse, pricePerUnit);

    /// <summary>A subscription at <paramref name="pricePerPeriod"/> per <paramref name="period"/> (whole seconds).</summary>
    public static AppPricing Subscription(UInt256 pricePerPeriod, TimeSpan period) => new(PaymentModels.Subscription, pricePerPeriod, (long)period.TotalSeconds);
}
