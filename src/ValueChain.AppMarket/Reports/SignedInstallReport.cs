namespace ValueChain.AppMarket;

/// <summary>An <see cref="InstallReport"/> with the device's signature over its EIP-712 digest.</summary>
/// <param name="Report">The report.</param>
/// <param name="Signature">The device key's signature.</param>
public sealed record SignedInstallReport(InstallReport Report, RecoverableSignature Signature);
