namespace ValueChain.AppMarket;

/// <summary>The names of the payment models every marketplace has.</summary>
public static class PaymentModels
{
    /// <summary>The price is held in escrow at purchase, released to the developer on a reported successful install, refunded on failure or time-out.</summary>
    public const string OneTime = "one-time";

    /// <summary>The device signs cumulative usage; each settled report pays the new units at the unit price.</summary>
    public const string PayPerUse = "pay-per-use";

    /// <summary>A price per period of ledger time; the first period is held in escrow until the install succeeds; access lapses when unpaid.</summary>
    public const string Subscription = "subscription";
}
