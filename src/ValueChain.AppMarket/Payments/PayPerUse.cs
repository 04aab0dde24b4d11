namespace ValueChain.AppMarket;

/// <summary>Pay-per-use: nothing up front; each settled usage report pays its new units at the unit price.</summary>
internal sealed class PayPerUse : IPaymentModel
{
    public string Name => PaymentModels.PayPerUse;

    public bool MetersUsage => true;

    public void Validate(AppPricing pricing) => PricingRules.Require(pricing, hasPeriod: false);

    public ValueTask<Installation> PurchaseAsync(PaymentLedger ledger, Installation installation) => ValueTask.FromResult(installation);

    public ValueTask<Installation> InstalledAsync(PaymentLedger ledger, Installation installation) => ValueTask.FromResult(installation);

    public ValueTask<Installation> NotInstalledAsync(PaymentLedger ledger, Installation installation) => ValueTask.FromResult(installation);

    public ValueTask<Installation> RenewAsync(PaymentLedger ledger, Installation installation) => throw PricingRules.NoPeriods(installation);

    public UInt256 UsagePrice(Installation installation, ulong units) => installation.Pricing.Price * units;

    public bool HasAccess(Installation installation, DateTimeOffset now) => true;
}
