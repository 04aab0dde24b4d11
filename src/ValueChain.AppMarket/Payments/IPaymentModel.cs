namespace ValueChain.AppMarket;

/// <summary>
/// A way of paying for an app, run by the marketplace chaincode at each step of an installation. The marketplace has
/// the three models of <see cref="PaymentModels"/>; a deployment adds its own by passing them to
/// <see cref="AppMarketChaincode(AppMarketOptions, IEnumerable{IPaymentModel})"/> (on the chaincode drivers; the
/// Solidity twin has the built-in three). Like the chaincode, a model must be deterministic: time and money come from
/// the <see cref="PaymentLedger"/>. A model that refuses a step throws a <see cref="ChaincodeException"/>, which
/// changes nothing.
/// </summary>
public interface IPaymentModel
{
    /// <summary>The model's name, as <see cref="AppPricing.Model"/> gives it.</summary>
    string Name { get; }

    /// <summary>True when the model bills usage reports (<see cref="UsagePrice"/>).</summary>
    bool MetersUsage { get; }

    /// <summary>Checks a developer's pricing for this model.</summary>
    /// <exception cref="ChaincodeException">The pricing does not fit the model (<see cref="ErrorCodes.InvalidFormat"/>, naming the field).</exception>
    void Validate(AppPricing pricing);

    /// <summary>At the install request: takes or holds what the company pays up front; returns the installation as it is after.</summary>
    ValueTask<Installation> PurchaseAsync(PaymentLedger ledger, Installation installation);

    /// <summary>When the device reports the first install succeeded: pays what was held; returns the installation as it is after.</summary>
    ValueTask<Installation> InstalledAsync(PaymentLedger ledger, Installation installation);

    /// <summary>When the first install failed, was refused or timed out: gives back what was held; returns the installation as it is after.</summary>
    ValueTask<Installation> NotInstalledAsync(PaymentLedger ledger, Installation installation);

    /// <summary>A renewal requested by the company: takes another period's price; returns the installation as it is after.</summary>
    /// <exception cref="ChaincodeException">The model has no periods (<see cref="ErrorCodes.Conflict"/>).</exception>
    ValueTask<Installation> RenewAsync(PaymentLedger ledger, Installation installation);

    /// <summary>What <paramref name="units"/> new usage units cost (only called when <see cref="MetersUsage"/>).</summary>
    UInt256 UsagePrice(Installation installation, ulong units);

    /// <summary>Whether an active installation may run (and be updated) at ledger time <paramref name="now"/>.</summary>
    bool HasAccess(Installation installation, DateTimeOffset now);
}
