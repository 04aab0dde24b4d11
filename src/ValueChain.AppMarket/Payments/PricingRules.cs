namespace ValueChain.AppMarket;

// The checks the built-in models share: a price above zero, and a period only where the model has one.
internal static class PricingRules
{
    public static void Require(AppPricing pricing, bool hasPeriod)
    {
        ArgumentNullException.ThrowIfNull(pricing);
        if (pricing.Price.IsZero)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Pricing.Price must be above zero for the {pricing.Model} model.");
        }

        if (hasPeriod && pricing.PeriodSeconds < AppMarketRules.MinimumPeriodSeconds)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Pricing.PeriodSeconds of a subscription must be at least {AppMarketRules.MinimumPeriodSeconds}, not {pricing.PeriodSeconds}.");
        }

        if (!hasPeriod && pricing.PeriodSeconds != 0)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Pricing.PeriodSeconds must be 0 for the {pricing.Model} model, not {pricing.PeriodSeconds}.");
        }
    }

    public static ChaincodeException NoPeriods(Installation installation) =>
        new(AppMarketErrorCodes.NotSubscription, $"{installation.AppId} on {installation.DeviceId} is paid {installation.Pricing.Model}, which has no periods to renew.");
}
