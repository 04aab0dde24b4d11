using Microsoft.Extensions.Options;
using ValueChain.Ledger.Ethereum;

namespace ValueChain.Flexibility.Ethereum;

/// <summary>Checks <see cref="FlexibilityEthereumOptions"/> at start-up with messages that name the setting to change.</summary>
public sealed class FlexibilityEthereumOptionsValidator : IValidateOptions<FlexibilityEthereumOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, FlexibilityEthereumOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> failures = ApplicationContractsOptions.Check(
            nameof(FlexibilityEthereumOptions),
            options.ManifestPath,
            [(nameof(options.WhitelistAddress), options.WhitelistAddress), (nameof(options.TokenAddress), options.TokenAddress), (nameof(options.PlatformAddress), options.PlatformAddress)]);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
