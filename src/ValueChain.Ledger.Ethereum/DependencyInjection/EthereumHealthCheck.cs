using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// The Ethereum node's health: Unhealthy when it does not answer or serves another chain than
/// <see cref="EthereumOptions.ChainId"/>; Degraded when its newest block has not changed for
/// <see cref="EthereumOptions.HeadStallAfter"/>; Healthy otherwise, with the chain id and head in the data.
/// Registered by <c>UseEthereum</c>; <c>AddValueChainHealthChecks()</c> adds it to the host's health checks.
/// </summary>
/// <param name="client">The driver's client.</param>
/// <param name="options">The driver's options.</param>
/// <param name="time">The clock that measures how long the head stays the same (the system clock when null).</param>
public sealed class EthereumHealthCheck(EthereumClient client, IOptions<EthereumOptions> options, TimeProvider? time = null) : IHealthCheck
{
    /// <summary>The check's name in health reports.</summary>
    public const string Name = "valuechain-ethereum";

    private readonly HeadWatch _head = new(time);

    /// <summary>Asks the node for its chain id and newest block.</summary>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ulong head;
        try
        {
            await client.CheckChainAsync(cancellationToken).ConfigureAwait(false);
            head = await client.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigurationException wrongChain)
        {
            return HealthCheckResult.Unhealthy(wrongChain.Message);
        }
        catch (ValueChainException unreachable)
        {
            return HealthCheckResult.Unhealthy($"The node at {options.Value.RpcUrl} does not answer: {unreachable.Message}", unreachable);
        }

        var data = new Dictionary<string, object>
        {
            ["chainId"] = options.Value.ChainId,
            ["head"] = head,
        };
        TimeSpan unchanged = _head.Observe((long)head);
        return options.Value.HeadStallAfter is { } limit && unchanged >= limit
            ? HealthCheckResult.Degraded($"The newest block has been {head.ToString(CultureInfo.InvariantCulture)} for {unchanged.TotalSeconds:F0} s (HeadStallAfter is {limit.TotalSeconds:F0} s).", data: data)
            : HealthCheckResult.Healthy($"Chain {options.Value.ChainId}, block {head.ToString(CultureInfo.InvariantCulture)}.", data);
    }
}
