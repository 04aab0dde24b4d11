namespace ValueChain.AppMarket;

/// <summary>Why a usage report paid nothing.</summary>
public enum UsageRejectionReason
{
    /// <summary>The signature does not recover the key of the registered device the report names.</summary>
    InvalidSignature = 1,

    /// <summary>The device is not registered.</summary>
    UnknownDevice = 2,

    /// <summary>The app was never installed on the device.</summary>
    NotInstalled = 3,

    /// <summary>The installation is not paid per use.</summary>
    NotPayPerUse = 4,

    /// <summary>The report's counter is not above the device's last one (a replay).</summary>
    Replayed = 5,

    /// <summary>The cumulative units are below what was already settled.</summary>
    LowerUsage = 6,

    /// <summary>The company's balance or its allowance for the marketplace does not cover the units; the report can be settled again later.</summary>
    InsufficientFunds = 7,
}
