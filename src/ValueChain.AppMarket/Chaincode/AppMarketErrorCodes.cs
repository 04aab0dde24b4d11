namespace ValueChain.AppMarket;

/// <summary>The marketplace's own stable error codes, beside <see cref="ErrorCodes"/>.</summary>
public static class AppMarketErrorCodes
{
    /// <summary>The company's token balance is too small: the shared <see cref="ErrorCodes.InsufficientBalance"/> of every token.</summary>
    public const string InsufficientBalance = ErrorCodes.InsufficientBalance;

    /// <summary>The company's allowance for the marketplace is too small: the shared <see cref="ErrorCodes.InsufficientAllowance"/>.</summary>
    public const string InsufficientAllowance = ErrorCodes.InsufficientAllowance;

    /// <summary>A published version is not above every earlier version of the app, or an update is not above the installed version (a downgrade).</summary>
    public const string VersionNotNewer = "version_not_newer";

    /// <summary>The app does not support the device's type.</summary>
    public const string UnsupportedDeviceType = "unsupported_device_type";

    /// <summary>A device's report carries a counter that is not above its last one.</summary>
    public const string ReportReplayed = "report_replayed";

    /// <summary>The subscription is not paid for the current ledger time.</summary>
    public const string SubscriptionLapsed = "subscription_lapsed";

    /// <summary>The installation's payment model has no periods to renew.</summary>
    public const string NotSubscription = "not_subscription";

    /// <summary>The pricing names a payment model this marketplace does not have.</summary>
    public const string UnknownPaymentModel = "unknown_payment_model";

    /// <summary>A binary from the warehouse or in transit does not have the length and SHA-256 its app record gives.</summary>
    public const string BinaryMismatch = "binary_mismatch";

    /// <summary>A device did not report the outcome of a delivery over MQTT in time (offline, or its broker account is wrong).</summary>
    public const string DeviceUnreachable = "device_unreachable";
}
