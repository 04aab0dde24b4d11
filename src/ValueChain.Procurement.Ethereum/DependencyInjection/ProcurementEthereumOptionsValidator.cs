using Microsoft.Extensions.Options;
using ValueChain.Ledger.Ethereum;

namespace ValueChain.Procurement.Ethereum;

/// <summary>Checks <see cref="ProcurementEthereumOptions"/> at start-up with messages that name the setting to change.</summary>
public sealed class ProcurementEthereumOptionsValidator : IValidateOptions<ProcurementEthereumOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ProcurementEthereumOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> failures = ApplicationContractsOptions.Check(
            nameof(ProcurementEthereumOptions),
            options.ManifestPath,
            [(nameof(options.MembersAddress), options.MembersAddress), (nameof(options.TokenAddress), options.TokenAddress), (nameof(options.MarketAddress), options.MarketAddress), (nameof(options.BookAddress), options.BookAddress)]);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
