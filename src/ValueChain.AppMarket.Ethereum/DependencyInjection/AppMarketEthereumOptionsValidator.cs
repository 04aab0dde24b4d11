using Microsoft.Extensions.Options;
using ValueChain.Ledger.Ethereum;

namespace ValueChain.AppMarket.Ethereum;

/// <summary>Checks <see cref="AppMarketEthereumOptions"/> at start-up with messages that name the setting to change.</summary>
public sealed class AppMarketEthereumOptionsValidator : IValidateOptions<AppMarketEthereumOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AppMarketEthereumOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> failures = ApplicationContractsOptions.Check(
            nameof(AppMarketEthereumOptions),
            options.ManifestPath,
            [(nameof(options.MembersAddress), options.MembersAddress), (nameof(options.CatalogAddress), options.CatalogAddress), (nameof(options.TokenAddress), options.TokenAddress), (nameof(options.MarketAddress), options.MarketAddress)]);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
