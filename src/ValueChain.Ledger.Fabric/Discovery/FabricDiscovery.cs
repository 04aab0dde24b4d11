using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using ValueChain.Ledger.Fabric.Client;
using ValueChain.Ledger.Fabric.Protocol;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// A client's use of the discovery service: asks the bootstrap peers (the configured ones, in order) which peers
/// endorse a chaincode, keeps the answer for <see cref="CacheDuration"/>, and endorses along its layouts. Peers
/// found through discovery are dialled with the TLS root of their organisation from the channel configuration and
/// the client certificate of the first bootstrap peer; a discovered peer that is also configured keeps its
/// configured endpoint.
/// </summary>
internal sealed class FabricDiscovery : IDisposable
{
    /// <summary>How long an answer is used before the service is asked again (a failed plan asks again at once).</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(10);

    // A fresh chaincode definition reaches the other organisations' state in the peer's view within a gossip round
    // (peer.gossip.publishStateInfoInterval, 4 s by default): an error answer is retried for this long.
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(10);

    private readonly IReadOnlyList<(FabricEndpoint Endpoint, GrpcChannel Channel)> _bootstrap;
    private readonly string _channel;
    private readonly FabricIdentity _identity;
    private readonly IFabricSigner _signer;
    private readonly TimeProvider _clock;
    private readonly byte[] _tlsHash;
    private readonly ConcurrentDictionary<string, (DiscoveryAnswer Answer, DateTimeOffset At)> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<(FabricEndpoint Endpoint, GrpcChannel Channel)>> _dialled = new(StringComparer.Ordinal);

    public FabricDiscovery(IReadOnlyList<(FabricEndpoint Endpoint, GrpcChannel Channel)> bootstrap, string channel, FabricIdentity identity, IFabricSigner signer, TimeProvider clock)
    {
        _bootstrap = bootstrap;
        _channel = channel;
        _identity = identity;
        _signer = signer;
        _clock = clock;
        _tlsHash = FabricChannels.ClientCertificateHash(bootstrap[0].Endpoint) ?? [];
    }

    /// <summary>Endorses <paramref name="proposal"/> on peers that satisfy its chaincode's policy, as discovery describes them.</summary>
    /// <exception cref="FabricDiscoveryException">No bootstrap peer could say which peers endorse the chaincode.</exception>
    /// <exception cref="FabricEndorsementPolicyException">No layout could be met with the peers that answered.</exception>
    /// <exception cref="FabricChaincodeException">The chaincode refused the invocation.</exception>
    public async Task<IReadOnlyList<EndorsementResult>> EndorseAsync(ChaincodeProposal proposal, Func<FabricEndpoint, GrpcChannel, Task<Protos.ProposalResponse>> process, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, PeerAnswer>(StringComparer.Ordinal);
        (DiscoveryAnswer answer, bool cached) = await AnswerAsync(proposal.Chaincode, refresh: false, cancellationToken).ConfigureAwait(false);
        try
        {
            return await PlanOf(answer).ExecuteAsync(proposal.TransactionId, peer => AskAsync(peer, answer, proposal, process), answers).ConfigureAwait(false);
        }
        catch (FabricEndorsementPolicyException) when (cached)
        {
            // The membership may have changed since: ask again, keeping the endorsements already collected.
            (answer, _) = await AnswerAsync(proposal.Chaincode, refresh: true, cancellationToken).ConfigureAwait(false);
            return await PlanOf(answer).ExecuteAsync(proposal.TransactionId, peer => AskAsync(peer, answer, proposal, process), answers).ConfigureAwait(false);
        }
    }

    /// <summary>The discovery answer for <paramref name="chaincode"/>, from the cache unless it is old or <paramref name="refresh"/>.</summary>
    /// <exception cref="FabricDiscoveryException">No bootstrap peer answered without an error within the retry time.</exception>
    public async Task<(DiscoveryAnswer Answer, bool Cached)> AnswerAsync(string chaincode, bool refresh, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        if (!refresh && _answers.TryGetValue(chaincode, out var known) && now - known.At < CacheDuration)
        {
            return (known.Answer, true);
        }

        DateTimeOffset giveUp = now + RetryFor;
        for (int attempt = 1; ; attempt++)
        {
            FabricDiscoveryException? last = null;
            foreach ((FabricEndpoint endpoint, GrpcChannel channel) in _bootstrap)
            {
                try
                {
                    DiscoveryAnswer answer = DiscoveryAnswer.Decode(await DiscoverAsync(endpoint, channel, chaincode, cancellationToken).ConfigureAwait(false), endpoint.Address, chaincode);
                    _answers[chaincode] = (answer, _clock.GetUtcNow());
                    return (answer, false);
                }
                catch (FabricDiscoveryException e)
                {
                    last = e;
                }
            }

            if (_clock.GetUtcNow() >= giveUp)
            {
                throw last!;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * (1 << Math.Min(attempt, 5)))), _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the three queries to one peer and returns its raw answer.</summary>
    /// <exception cref="FabricDiscoveryException">The peer could not be reached or refused the request.</exception>
    public async Task<Discovery.Response> DiscoverAsync(FabricEndpoint endpoint, GrpcChannel channel, string chaincode, CancellationToken cancellationToken)
    {
        Discovery.SignedRequest request = DiscoveryRequests.Build(_identity, _signer, _tlsHash, DiscoveryRequests.Queries(_channel, chaincode));
        try
        {
            return await new Discovery.Discovery.DiscoveryClient(channel).DiscoverAsync(request, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            throw new FabricDiscoveryException(endpoint.Address, chaincode, $"{e.StatusCode}: {e.Status.Detail}", e);
        }
    }

    private static EndorsementPlan PlanOf(DiscoveryAnswer answer) => new(answer.Endorsers, answer.Members);

    private async Task<PeerAnswer> AskAsync(DiscoveredPeer peer, DiscoveryAnswer answer, ChaincodeProposal proposal, Func<FabricEndpoint, GrpcChannel, Task<Protos.ProposalResponse>> process)
    {
        (FabricEndpoint endpoint, GrpcChannel channel) = Dial(peer, answer);
        try
        {
            return new PeerAnswer(peer.Name, await process(endpoint, channel).ConfigureAwait(false), null);
        }
        catch (FabricConnectionException unreachable)
        {
            return new PeerAnswer(peer.Name, null, unreachable);
        }
    }

    private (FabricEndpoint Endpoint, GrpcChannel Channel) Dial(DiscoveredPeer peer, DiscoveryAnswer answer)
    {
        foreach ((FabricEndpoint endpoint, GrpcChannel channel) in _bootstrap)
        {
            if (Uri.TryCreate(endpoint.Address, UriKind.Absolute, out Uri? uri) && $"{uri.Host}:{uri.Port}" == peer.Endpoint)
            {
                return (endpoint, channel);
            }
        }

        return _dialled.GetOrAdd(peer.Endpoint, _ => new Lazy<(FabricEndpoint, GrpcChannel)>(() =>
        {
            FabricEndpoint first = _bootstrap[0].Endpoint;
            var endpoint = new FabricEndpoint
            {
                Address = $"https://{peer.Endpoint}",
                TlsRootCertificatePem = answer.TlsRoots.GetValueOrDefault(peer.MspId) is { Length: > 0 } root ? root : null,
                ClientCertificatePem = first.ClientCertificatePem,
                ClientKeyPem = first.ClientKeyPem,
            };
            return (endpoint, FabricChannels.Open(endpoint));
        })).Value;
    }

    public void Dispose()
    {
        foreach (Lazy<(FabricEndpoint Endpoint, GrpcChannel Channel)> dialled in _dialled.Values.Where(d => d.IsValueCreated))
        {
            dialled.Value.Channel.Dispose();
        }
    }
}
