using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The embedded ledger's health: Unhealthy when it is closed, when its newest verification found a block that does
/// not verify, or when the background verification could not run; Healthy otherwise, with the network id, the height
/// and the last verification in the data. Registered by <c>UseInMemoryLedger</c>; <c>AddValueChainHealthChecks()</c>
/// adds it to the host's health checks.
/// </summary>
/// <param name="ledger">The ledger.</param>
public sealed class InMemoryLedgerHealthCheck(InMemoryLedger ledger) : IHealthCheck
{
    /// <summary>The check's name in health reports.</summary>
    public const string Name = "valuechain-in-memory";

    /// <summary>Looks at the ledger's state and its newest verification; asks nothing that takes time.</summary>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (!ledger.IsOpen)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The embedded ledger {ledger.NetworkId} is closed."));
        }

        var data = new Dictionary<string, object>
        {
            ["networkId"] = ledger.NetworkId,
            ["height"] = ledger.Height,
        };
        if (ledger.BackgroundVerification is { IsFaulted: true } failed)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The background verification of {ledger.NetworkId} could not run.", failed.Exception?.GetBaseException(), data));
        }

        if (ledger.LastVerification is not { } verification)
        {
            data["verification"] = ledger.BackgroundVerification is null ? "none yet" : "running";
            return Task.FromResult(HealthCheckResult.Healthy($"Ledger {ledger.NetworkId}, height {ledger.Height.ToString(CultureInfo.InvariantCulture)}; not verified yet.", data));
        }

        data["blocksVerified"] = verification.BlocksChecked;
        return Task.FromResult(verification.FirstInvalidBlock is { } bad
            ? HealthCheckResult.Unhealthy($"The embedded ledger {ledger.NetworkId} is corrupted: block {bad.ToString(CultureInfo.InvariantCulture)} does not verify ({verification.Problem}).", data: data)
            : HealthCheckResult.Healthy($"Ledger {ledger.NetworkId}, height {ledger.Height.ToString(CultureInfo.InvariantCulture)}; all {verification.BlocksChecked.ToString(CultureInfo.InvariantCulture)} blocks verified.", data));
    }
}
