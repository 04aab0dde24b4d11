namespace ValueChain.AppMarket;

/// <summary>One-time purchase: the price is held in escrow at the request, released on a successful install, refunded otherwise.</summary>
internal sealed class OneTimePurchase : IPaymentModel
{
    public string Name => PaymentModels.OneTime;

    public bool MetersUsage => false;

    public void Validate(AppPricing pricing) => PricingRules.Require(pricing, hasPeriod: false);

    public async ValueTask<Installation> PurchaseAsync(PaymentLedger ledger, Installation installation)
    {
        await ledger.HoldAsync(installation, installation.Pricing.Price);
        return installation;
    }

    public async ValueTask<Installation> InstalledAsync(PaymentLedger ledger, Installation installation)
    {
        await ledger.ReleaseAsync(installation);
        return installation;
    }

    public async ValueTask<Installation> NotInstalledAsync(PaymentLedger ledger, Installation installation)
    {
        await ledger.RefundAsync(installation);
        return installation;
    }

    public ValueTask<Installation> RenewAsync(PaymentLedger ledger, Installation installation) => throw PricingRules.NoPeriods(installation);

    public UInt256 UsagePrice(Installation installation, ulong units) => UInt256.Zero;

    public bool HasAccess(Installation installation, DateTimeOffset now) => true;
}
