using Microsoft.Extensions.Options;

namespace ValueChain.Ledger.Ethereum;

/// <summary>Checks <see cref="EthereumOptions"/> at start-up with messages that say what to change.</summary>
public sealed class EthereumOptionsValidator : IValidateOptions<EthereumOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EthereumOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.RpcUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"EthereumOptions.RpcUrl must be an absolute http or https URL of a JSON-RPC node, not '{options.RpcUrl}'.");
        }

        if (options.ChainId == 0)
        {
            failures.Add("EthereumOptions.ChainId must be set (for example 1 for mainnet, 31337 for anvil); transactions are signed for it.");
        }

        if (options.Signer is not null && options.KeystorePath is not null)
        {
            failures.Add("Set either EthereumOptions.Signer or EthereumOptions.KeystorePath, not both.");
        }

        if (options.KeystorePath is { } keystore)
        {
            if (!File.Exists(keystore))
            {
                failures.Add($"EthereumOptions.KeystorePath '{keystore}' does not exist.");
            }

            if (options.KeystorePassword is null)
            {
                failures.Add("EthereumOptions.KeystorePassword is needed to open the keystore file.");
            }
        }

        if (options.Confirmations < 0)
        {
            failures.Add($"EthereumOptions.Confirmations must be 0 or more, not {options.Confirmations}.");
        }

        if (options.GasMarginPercent is < 0 or > 1000)
        {
            failures.Add($"EthereumOptions.GasMarginPercent must be between 0 and 1000, not {options.GasMarginPercent}.");
        }

        if (options.HeadStallAfter is { } stall && stall <= TimeSpan.Zero)
        {
            failures.Add("EthereumOptions.HeadStallAfter must be positive when set.");
        }

        if (options.ReceiptTimeout <= TimeSpan.Zero || options.RequestTimeout <= TimeSpan.Zero || options.StallTimeout <= TimeSpan.Zero)
        {
            failures.Add("EthereumOptions.ReceiptTimeout, RequestTimeout and StallTimeout must be positive.");
        }

        if (!Enum.IsDefined(options.BatchRelease))
        {
            failures.Add($"EthereumOptions.BatchRelease must be Auto, InNonceOrder or FirstNonceLast, not {(int)options.BatchRelease}.");
        }

        if (options.ManifestPath is { } manifest && string.IsNullOrWhiteSpace(manifest))
        {
            failures.Add("EthereumOptions.ManifestPath must be a file path when set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
