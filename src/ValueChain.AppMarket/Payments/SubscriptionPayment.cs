namespace ValueChain.AppMarket;

/// <summary>
/// Subscription: the first period's price is held in escrow at the request and released on a successful install, when
/// the first period starts; the company renews period by period; access lapses at the end of the last paid period.
/// </summary>
internal sealed class SubscriptionPayment : IPaymentModel
{
    public string Name => PaymentModels.Subscription;

    public bool MetersUsage => false;

    public void Validate(AppPricing pricing) => PricingRules.Require(pricing, hasPeriod: true);

    public async ValueTask<Installation> PurchaseAsync(PaymentLedger ledger, Installation installation)
    {
        await ledger.HoldAsync(installation, installation.Pricing.Price);
        return installation;
    }

    public async ValueTask<Installation> InstalledAsync(PaymentLedger ledger, Installation installation)
    {
        await ledger.ReleaseAsync(installation);
        return installation with { PaidUntil = ledger.Now.AddSeconds(installation.Pricing.PeriodSeconds) };
    }

    public async ValueTask<Installation> NotInstalledAsync(PaymentLedger ledger, Installation installation)
    {
        await ledger.RefundAsync(installation);
        return installation;
    }

    public async ValueTask<Installation> RenewAsync(PaymentLedger ledger, Installation installation)
    {
        await ledger.PayAsync(installation, installation.Pricing.Price);

        // A lapsed subscription restarts now; a running one extends from its end, so no paid time is lost.
        DateTimeOffset from = installation.PaidUntil is { } until && until > ledger.Now ? until : ledger.Now;
        return installation with { PaidUntil = from.AddSeconds(installation.Pricing.PeriodSeconds) };
    }

    public UInt256 UsagePrice(Installation installation, ulong units) => UInt256.Zero;

    public bool HasAccess(Installation installation, DateTimeOffset now) => installation.PaidUntil is { } until && now < until;
}
