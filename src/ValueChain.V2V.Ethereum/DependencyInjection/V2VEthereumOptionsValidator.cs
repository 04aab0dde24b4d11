using Microsoft.Extensions.Options;
using ValueChain.Ledger.Ethereum;

namespace ValueChain.V2V.Ethereum;

/// <summary>Checks <see cref="V2VEthereumOptions"/> at start-up with messages that name the setting to change.</summary>
public sealed class V2VEthereumOptionsValidator : IValidateOptions<V2VEthereumOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, V2VEthereumOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> failures = ApplicationContractsOptions.Check(nameof(V2VEthereumOptions), options.ManifestPath, [(nameof(options.MapAddress), options.MapAddress)]);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
