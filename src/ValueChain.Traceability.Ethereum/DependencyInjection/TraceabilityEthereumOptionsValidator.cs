using Microsoft.Extensions.Options;
using ValueChain.Ledger.Ethereum;

namespace ValueChain.Traceability.Ethereum;

/// <summary>Checks <see cref="TraceabilityEthereumOptions"/> at start-up with messages that name the setting to change.</summary>
public sealed class TraceabilityEthereumOptionsValidator : IValidateOptions<TraceabilityEthereumOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TraceabilityEthereumOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> failures = ApplicationContractsOptions.Check(
            nameof(TraceabilityEthereumOptions),
            options.ManifestPath,
            [(nameof(options.ContractAddress), options.ContractAddress), (nameof(options.CorrectionsAddress), options.CorrectionsAddress)]);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
