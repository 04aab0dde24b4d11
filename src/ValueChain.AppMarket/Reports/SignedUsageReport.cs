namespace ValueChain.AppMarket;

/// <summary>A <see cref="UsageReport"/> with the device's signature over its EIP-712 digest.</summary>
/// <param name="Report">The report.</param>
/// <param name="Signature">The device key's signature.</param>
public sealed record SignedUsageReport(UsageReport Report, RecoverableSignature Signature);
