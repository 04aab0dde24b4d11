using System.Globalization;
using Google.Protobuf;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// The Fabric network's health, as the host's client sees it:
/// <list type="bullet">
/// <item>Unhealthy when the first peer (the one commits are read from) does not answer or has not joined
/// <see cref="FabricOptions.Channel"/>, or when the definition of a registered application's chaincode cannot be read from it (not defined on the channel, or the
/// client's identity may not query <c>_lifecycle</c>);</item>
/// <item>Degraded when another configured peer does not answer, or when the newest block has not changed for
/// <see cref="FabricOptions.HeadStallAfter"/>;</item>
/// <item>Healthy otherwise, with the channel, the newest block and each chaincode's definition (sequence and version) in the data.</item>
/// </list>
/// Registered by <c>UseFabric</c>; <c>AddValueChainHealthChecks()</c> adds it to the host's health checks.
/// </summary>
/// <param name="client">The driver's client.</param>
/// <param name="options">The driver's options.</param>
/// <param name="chaincodes">The registered applications' chaincodes, whose definitions on the channel are checked.</param>
/// <param name="time">The clock that measures how long the head stays the same (the system clock when null).</param>
public sealed class FabricHealthCheck(FabricClient client, IOptions<FabricOptions> options, IEnumerable<IChaincode> chaincodes, TimeProvider? time = null) : IHealthCheck
{
    /// <summary>The check's name in health reports.</summary>
    public const string Name = "valuechain-fabric";

    private readonly HeadWatch _head = new(time);

    /// <summary>Asks every configured peer for its newest block of the channel and the first peer for the chaincodes' definitions.</summary>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        string channel = options.Value.Channel;
        IReadOnlyList<FabricEndpoint> peers = client.Peers;
        PeerAnswer[] answers = await Task.WhenAll(peers.Select((_, i) => AskAsync(i, cancellationToken))).ConfigureAwait(false);
        if (answers[0].Error is { } unreachable)
        {
            return HealthCheckResult.Unhealthy($"Channel '{channel}' on peer {unreachable.Endpoint}: {unreachable.StatusMessage}.", unreachable);
        }

        long head = answers[0].Head;
        var data = new Dictionary<string, object> { ["channel"] = channel, ["head"] = head };
        foreach (string chaincode in DeployedNames())
        {
            try
            {
                Lifecycle.QueryChaincodeDefinitionResult definition = await QueryDefinitionAsync(chaincode, cancellationToken).ConfigureAwait(false);
                data[$"chaincode:{chaincode}"] = $"sequence {definition.Sequence.ToString(CultureInfo.InvariantCulture)}, version {definition.Version}";
            }
            catch (ValueChainException undefined)
            {
                string reason = undefined is FabricException fabric ? fabric.StatusMessage : undefined.Message;
                return HealthCheckResult.Unhealthy($"The definition of chaincode '{chaincode}' on channel '{channel}' could not be read from peer {peers[0].Address}: {reason}.", undefined, data);
            }
        }

        string[] down = [.. answers.Skip(1).Where(a => a.Error is not null).Select(a => $"{a.Error!.Endpoint}: {a.Error.StatusMessage}")];
        if (down.Length > 0)
        {
            return HealthCheckResult.Degraded($"Peer(s) not answering on channel '{channel}': {string.Join("; ", down)}.", data: data);
        }

        TimeSpan unchanged = _head.Observe(head);
        return options.Value.HeadStallAfter is { } limit && unchanged >= limit
            ? HealthCheckResult.Degraded($"The newest block of channel '{channel}' has been {head.ToString(CultureInfo.InvariantCulture)} for {unchanged.TotalSeconds:F0} s (HeadStallAfter is {limit.TotalSeconds:F0} s).", data: data)
            : HealthCheckResult.Healthy($"Channel '{channel}', block {head.ToString(CultureInfo.InvariantCulture)}, {peers.Count} peer(s).", data);
    }

    // The names the registered chaincodes are deployed under, each once.
    private IEnumerable<string> DeployedNames() => chaincodes
        .Select(c => options.Value.ChaincodeNames.TryGetValue(c.Name, out string? deployed) ? deployed : c.Name)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal);

    private async Task<Lifecycle.QueryChaincodeDefinitionResult> QueryDefinitionAsync(string chaincode, CancellationToken cancellationToken)
    {
        byte[] args = new Lifecycle.QueryChaincodeDefinitionArgs { Name = chaincode }.ToByteArray();
        ReadOnlyMemory<byte> answer = await client.EvaluateAsync("_lifecycle", ["QueryChaincodeDefinition"u8.ToArray(), args], cancellationToken).ConfigureAwait(false);
        return Lifecycle.QueryChaincodeDefinitionResult.Parser.ParseFrom(answer.Span);
    }

    private async Task<PeerAnswer> AskAsync(int peer, CancellationToken cancellationToken)
    {
        try
        {
            return new PeerAnswer(await client.GetNewestBlockNumberAsync(peer, cancellationToken).ConfigureAwait(false), null);
        }
        catch (FabricConnectionException e)
        {
            return new PeerAnswer(-1, e);
        }
    }

    private readonly record struct PeerAnswer(long Head, FabricConnectionException? Error);
}
