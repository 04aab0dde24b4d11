using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using ValueChain.Diagnostics;
using ValueChain.Ledger.Fabric.Client;
using ValueChain.Ledger.Fabric.Protocol;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// A Fabric client of few verbs: <c>SubmitAsync</c> (endorse on every configured peer, or on peers that satisfy the
/// chaincode's policy as the discovery service describes them when <see cref="FabricClientOptions.UseDiscovery"/> is on; order,
/// wait for the commit), <c>EvaluateAsync</c> (a query on one peer) and <see cref="ReadBlocksAsync"/>
/// (blocks with their transactions' events). Identities and signers are passed in, never read from disk.
/// </summary>
public sealed class FabricClient : IAsyncDisposable, IDisposable
{
    private readonly FabricClientOptions _options;
    private readonly FabricIdentity _identity;
    private readonly IFabricSigner _signer;
    private readonly List<(FabricEndpoint Endpoint, GrpcChannel Channel)> _peers;
    private readonly GrpcChannel _orderer;

    // How often a proposal is endorsed when the peers' results differ (the last disagreement is reported).
    private const int DisagreementAttempts = 6;

    // Under mutual TLS, Deliver requests carry the hash of the client certificate the first peer's connection presents.
    private readonly byte[]? _deliverTlsHash;
    private readonly CommitListener _commits;
    private readonly FabricDiscovery? _discovery;

    /// <summary>Creates a client; <paramref name="identity"/> reads blocks and is the default for queries.</summary>
    /// <exception cref="ConfigurationException">The options are incomplete.</exception>
    public FabricClient(FabricClientOptions options, FabricIdentity identity, IFabricSigner signer)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(signer);
        options.Validate();
        _options = options;
        _identity = identity;
        _signer = signer;
        _peers = options.Peers.Select(p => (p, FabricChannels.Open(p))).ToList();
        _orderer = FabricChannels.Open(options.Orderer);
        _deliverTlsHash = FabricChannels.ClientCertificateHash(_peers[0].Endpoint);
        _commits = new CommitListener(new Protos.Deliver.DeliverClient(_peers[0].Channel), _peers[0].Endpoint.Address,
            from => SeekEnvelopeBuilder.Build(_identity, _signer, _options.Channel, from, null, Now(), _deliverTlsHash));
        _discovery = options.UseDiscovery ? new FabricDiscovery(_peers, options.Channel, identity, signer, options.Clock) : null;
    }

    /// <summary>How far this client's proposal timestamps run ahead of its clock (see <see cref="FabricTimeControl"/>).</summary>
    internal TimeSpan TimeOffset { get; set; }

    /// <summary>The timestamp the next proposal gets.</summary>
    internal DateTimeOffset Now() => _options.Clock.GetUtcNow() + TimeOffset;

    /// <summary>The channel this client works on.</summary>
    public string Channel => _options.Channel;

    /// <summary>
    /// Proposes <paramref name="function"/> to every peer, checks that all endorsements agree, sends the
    /// transaction to the orderer and waits until the first peer commits it.
    /// </summary>
    /// <exception cref="FabricChaincodeException">The chaincode refused the invocation (its code and message); nothing was ordered.</exception>
    /// <exception cref="FabricEndorsementException">A peer refused the proposal or the peers disagree.</exception>
    /// <exception cref="FabricOrdererException">The orderer refused the transaction.</exception>
    /// <exception cref="FabricCommitException">The transaction was committed as invalid.</exception>
    /// <exception cref="FabricEndorsementPolicyException">With a policy or discovery: the peers that endorsed do not satisfy it, naming those that did not.</exception>
    /// <exception cref="FabricDiscoveryException">With discovery: no bootstrap peer could say which peers endorse the chaincode.</exception>
    /// <exception cref="FabricConnectionException">A node could not be reached.</exception>
    /// <exception cref="TimeoutException">No commit within <see cref="FabricClientOptions.CommitTimeout"/>.</exception>
    public Task<FabricSubmitResult> SubmitAsync(FabricIdentity identity, IFabricSigner signer, string chaincode, string function, string argumentsJson, CancellationToken cancellationToken = default) =>
        SubmitAsync(identity, signer, chaincode, function, argumentsJson, new Dictionary<string, ReadOnlyMemory<byte>>(), cancellationToken);

    /// <summary>
    /// As <see cref="SubmitAsync(FabricIdentity, IFabricSigner, string, string, string, CancellationToken)"/>, with
    /// <paramref name="transientData"/> in the proposal's transient map: the endorsing peers' chaincode reads it
    /// (<see cref="ITransientDataContext"/>), but it is neither part of the endorsed proposal hash nor of the transaction
    /// sent to the orderer, so it never reaches the channel's blocks.
    /// </summary>
    /// <exception cref="FabricChaincodeException">The chaincode refused the invocation (its code and message); nothing was ordered.</exception>
    /// <exception cref="FabricEndorsementException">A peer refused the proposal or the peers disagree.</exception>
    /// <exception cref="FabricOrdererException">The orderer refused the transaction.</exception>
    /// <exception cref="FabricCommitException">The transaction was committed as invalid.</exception>
    /// <exception cref="FabricEndorsementPolicyException">With a policy or discovery: the peers that endorsed do not satisfy it, naming those that did not.</exception>
    /// <exception cref="FabricDiscoveryException">With discovery: no bootstrap peer could say which peers endorse the chaincode.</exception>
    /// <exception cref="FabricConnectionException">A node could not be reached.</exception>
    /// <exception cref="TimeoutException">No commit within <see cref="FabricClientOptions.CommitTimeout"/>.</exception>
    public Task<FabricSubmitResult> SubmitAsync(FabricIdentity identity, IFabricSigner signer, string chaincode, string function, string argumentsJson, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> transientData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transientData);
        ChaincodeProposal proposal = ProposalBuilder.Build(identity, signer, _options.Channel, chaincode, function, argumentsJson, Now(), transientData);
        return SubmitAsync(proposal, signer, cancellationToken);
    }

    /// <summary>Submits a chaincode call with raw arguments (system chaincodes such as _lifecycle take protobuf arguments).</summary>
    internal Task<FabricSubmitResult> SubmitAsync(FabricIdentity identity, IFabricSigner signer, string chaincode, IReadOnlyList<byte[]> args, CancellationToken cancellationToken) =>
        SubmitAsync(ProposalBuilder.Build(identity, signer, _options.Channel, chaincode, args, System.Security.Cryptography.RandomNumberGenerator.GetBytes(ProposalBuilder.NonceLength), Now()), signer, cancellationToken);

    private async Task<FabricSubmitResult> SubmitAsync(ChaincodeProposal proposal, IFabricSigner signer, CancellationToken cancellationToken)
    {
        IReadOnlyList<EndorsementResult> endorsements;
        using (Activity? endorse = Span(FabricTelemetry.EndorseSpan, proposal))
        {
            try
            {
                for (int attempt = 1; ; attempt++)
                {
                    try
                    {
                        endorsements = await EndorseAsync(proposal, cancellationToken).ConfigureAwait(false);
                        if (attempt >= DisagreementAttempts || endorsements.All(e => e.Response.Payload.Equals(endorsements[0].Response.Payload)))
                        {
                            break;
                        }
                    }
                    catch (FabricChaincodeException disputed) when (disputed.Disputed && attempt < DisagreementAttempts)
                    {
                        // One peer's chaincode refused what another endorsed: as below, they read different state.
                    }

                    // A peer that has not committed the previous block yet simulates against older state (it may even refuse, for
                    // example a delivery it does not know yet), and the validator would reject the transaction anyway; asked again
                    // once it has caught up, the peers agree.
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken).ConfigureAwait(false);
                }

                endorse?.SetTag(FabricTelemetry.Endorsements, endorsements.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LedgerInstruments.Fail(endorse, LedgerInstruments.ErrorTypeOf(e), e.Message);
                throw;
            }
        }

        Common.Envelope envelope = TransactionEnvelopeBuilder.Build(proposal, endorsements, signer);
        Protos.ChaincodeAction action = ActionOf(endorsements[0].Response);

        Task<(long Block, Protos.TxValidationCode Code)> commit = await _commits.WatchAsync(proposal.TransactionId, cancellationToken).ConfigureAwait(false);
        using Activity? order = Span(FabricTelemetry.OrderSpan, proposal);
        try
        {
            await BroadcastAsync(proposal.TransactionId, envelope, cancellationToken).ConfigureAwait(false);
            (long block, Protos.TxValidationCode code) = await commit.WaitAsync(_options.CommitTimeout, cancellationToken).ConfigureAwait(false);
            order?.SetTag(TelemetryNames.BlockNumber, block);
            if (code != Protos.TxValidationCode.Valid)
            {
                throw new FabricCommitException(proposal.TransactionId, _peers[0].Endpoint.Address, block, (int)code, code.ToString());
            }

            return new FabricSubmitResult(proposal.TxId, block, action.Response.Payload.Memory, BlockDecoder.EventsOf(action));
        }
        catch (FabricException e)
        {
            LedgerInstruments.Fail(order, e.Code, e.Message);
            throw;
        }
        catch (TimeoutException)
        {
            LedgerInstruments.Fail(order, typeof(TimeoutException).FullName!, "no commit in time");
            throw new TimeoutException($"Transaction {proposal.TransactionId} did not commit on {_peers[0].Endpoint.Address} within {_options.CommitTimeout}.");
        }
        finally
        {
            _commits.Forget(proposal.TransactionId);
        }
    }

    /// <summary>Runs a query on the first peer that answers and returns the chaincode's response payload.</summary>
    /// <exception cref="FabricChaincodeException">The chaincode refused the query.</exception>
    /// <exception cref="FabricEndorsementException">The peer refused the proposal.</exception>
    /// <exception cref="FabricConnectionException">No peer could be reached.</exception>
    public Task<ReadOnlyMemory<byte>> EvaluateAsync(FabricIdentity identity, IFabricSigner signer, string chaincode, string function, string argumentsJson, CancellationToken cancellationToken = default) =>
        EvaluateAsync(identity, signer, chaincode, function, argumentsJson, new Dictionary<string, ReadOnlyMemory<byte>>(), cancellationToken);

    /// <summary>Runs a query with <paramref name="transientData"/> in the proposal's transient map, on the first peer that answers.</summary>
    /// <exception cref="FabricChaincodeException">The chaincode refused the query.</exception>
    /// <exception cref="FabricEndorsementException">The peer refused the proposal.</exception>
    /// <exception cref="FabricConnectionException">No peer could be reached.</exception>
    public async Task<ReadOnlyMemory<byte>> EvaluateAsync(FabricIdentity identity, IFabricSigner signer, string chaincode, string function, string argumentsJson, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> transientData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transientData);
        ChaincodeProposal proposal = ProposalBuilder.Build(identity, signer, _options.Channel, chaincode, function, argumentsJson, Now(), transientData);
        return await EvaluateAsync(proposal, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Evaluates a chaincode call with raw arguments under the client's own identity (system chaincodes such as _lifecycle take protobuf arguments).</summary>
    internal Task<ReadOnlyMemory<byte>> EvaluateAsync(string chaincode, IReadOnlyList<byte[]> args, CancellationToken cancellationToken) =>
        EvaluateAsync(ProposalBuilder.Build(_identity, _signer, _options.Channel, chaincode, args, System.Security.Cryptography.RandomNumberGenerator.GetBytes(ProposalBuilder.NonceLength), Now()), cancellationToken);

    private async Task<ReadOnlyMemory<byte>> EvaluateAsync(ChaincodeProposal proposal, CancellationToken cancellationToken)
    {
        FabricConnectionException? unreachable = null;
        foreach ((FabricEndpoint endpoint, GrpcChannel channel) in _peers)
        {
            try
            {
                Protos.ProposalResponse response = await ProcessAsync(endpoint, channel, proposal, cancellationToken).ConfigureAwait(false);
                ThrowIfFailed(proposal, endpoint, response);
                ThrowIfWrites(proposal, response);
                return response.Response.Payload.Memory;
            }
            catch (FabricConnectionException e)
            {
                unreachable = e;
            }
        }

        throw unreachable!;
    }

    /// <summary>Evaluates with the client's own identity.</summary>
    public Task<ReadOnlyMemory<byte>> EvaluateAsync(string chaincode, string function, string argumentsJson, CancellationToken cancellationToken = default) =>
        EvaluateAsync(_identity, _signer, chaincode, function, argumentsJson, cancellationToken);

    /// <summary>Evaluates with the client's own identity and <paramref name="transientData"/> in the proposal's transient map.</summary>
    public Task<ReadOnlyMemory<byte>> EvaluateAsync(string chaincode, string function, string argumentsJson, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> transientData, CancellationToken cancellationToken = default) =>
        EvaluateAsync(_identity, _signer, chaincode, function, argumentsJson, transientData, cancellationToken);

    /// <summary>
    /// The blocks from <paramref name="from"/> to <paramref name="to"/> (inclusive) from the first peer;
    /// with a null <paramref name="to"/>, every later block as it commits, until cancelled.
    /// </summary>
    /// <exception cref="FabricConnectionException">The peer refused the request or could not be reached.</exception>
    public async IAsyncEnumerable<FabricBlock> ReadBlocksAsync(long from, long? to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (Common.Block block in ReadRawBlocksAsync(from, to, cancellationToken).ConfigureAwait(false))
        {
            yield return BlockDecoder.Decode(block);
        }
    }

    /// <summary>The blocks as the peer delivers them, for tests that look at every byte the channel holds.</summary>
    /// <exception cref="FabricConnectionException">The peer refused the request or could not be reached.</exception>
    internal async IAsyncEnumerable<Common.Block> ReadRawBlocksAsync(long from, long? to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        (FabricEndpoint endpoint, GrpcChannel channel) = _peers[0];
        var deliver = new Protos.Deliver.DeliverClient(channel);
        using AsyncDuplexStreamingCall<Common.Envelope, Protos.DeliverResponse> call = deliver.Deliver(cancellationToken: cancellationToken);
        await Guard(endpoint, () => call.RequestStream.WriteAsync(SeekEnvelopeBuilder.Build(_identity, _signer, _options.Channel, (ulong)from, (ulong?)to, Now(), _deliverTlsHash), cancellationToken)).ConfigureAwait(false);
        while (await Guard(endpoint, () => call.ResponseStream.MoveNext(cancellationToken)).ConfigureAwait(false))
        {
            Protos.DeliverResponse response = call.ResponseStream.Current;
            if (response.TypeCase == Protos.DeliverResponse.TypeOneofCase.Status)
            {
                if (response.Status == Common.Status.Success)
                {
                    yield break;
                }

                throw new FabricConnectionException(endpoint.Address, (int)response.Status, $"the peer refused to deliver blocks {from}..{to?.ToString() ?? "∞"}: {response.Status}");
            }

            yield return response.Block;
        }
    }

    /// <summary>The number of the newest block on the first peer.</summary>
    /// <exception cref="FabricConnectionException">The peer refused the request or could not be reached.</exception>
    public Task<long> GetNewestBlockNumberAsync(CancellationToken cancellationToken = default) => GetNewestBlockNumberAsync(0, cancellationToken);

    /// <summary>The configured peers, in the order of <see cref="FabricClientOptions.Peers"/>; the first is the one blocks and commits are read from.</summary>
    internal IReadOnlyList<FabricEndpoint> Peers => _peers.ConvertAll(p => p.Endpoint);

    /// <summary>The number of the newest block on the configured peer at <paramref name="peer"/> (an index into <see cref="Peers"/>).</summary>
    internal async Task<long> GetNewestBlockNumberAsync(int peer, CancellationToken cancellationToken)
    {
        (FabricEndpoint endpoint, GrpcChannel channel) = _peers[peer];
        using AsyncDuplexStreamingCall<Common.Envelope, Protos.DeliverResponse> call = new Protos.Deliver.DeliverClient(channel).DeliverFiltered(cancellationToken: cancellationToken);
        await Guard(endpoint, () => call.RequestStream.WriteAsync(SeekEnvelopeBuilder.Build(_identity, _signer, _options.Channel, null, null, Now(), peer == 0 ? _deliverTlsHash : FabricChannels.ClientCertificateHash(endpoint)), cancellationToken)).ConfigureAwait(false);
        if (!await Guard(endpoint, () => call.ResponseStream.MoveNext(cancellationToken)).ConfigureAwait(false) || call.ResponseStream.Current.TypeCase != Protos.DeliverResponse.TypeOneofCase.FilteredBlock)
        {
            Common.Status status = call.ResponseStream.Current?.Status ?? Common.Status.Unknown;
            throw new FabricConnectionException(endpoint.Address, (int)status, status switch
            {
                Common.Status.NotFound => $"the peer has no channel '{_options.Channel}' (NOT_FOUND)",
                Common.Status.Forbidden => $"the peer refused to deliver blocks of channel '{_options.Channel}' to this identity (FORBIDDEN)",
                _ => $"the peer did not deliver its newest block of channel '{_options.Channel}' ({status})",
            });
        }

        return (long)call.ResponseStream.Current.FilteredBlock.Number;
    }

    private async Task<IReadOnlyList<EndorsementResult>> EndorseAsync(ChaincodeProposal proposal, CancellationToken cancellationToken)
    {
        if (_discovery is not null && !proposal.Chaincode.StartsWith('_'))
        {
            return await _discovery.EndorseAsync(proposal, (endpoint, channel) => ProcessAsync(endpoint, channel, proposal, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        PeerAnswer[] answers = await Task.WhenAll(_peers.Select(async p =>
        {
            try
            {
                return new PeerAnswer(p.Endpoint.Address, await ProcessAsync(p.Endpoint, p.Channel, proposal, cancellationToken).ConfigureAwait(false), null);
            }
            catch (FabricConnectionException unreachable)
            {
                return new PeerAnswer(p.Endpoint.Address, null, unreachable);
            }
        })).ConfigureAwait(false);
        return EndorsementSelection.Select(proposal.TransactionId, _options.EndorsementPolicy, answers);
    }

    private static Task<Protos.ProposalResponse> ProcessAsync(FabricEndpoint endpoint, GrpcChannel channel, ChaincodeProposal proposal, CancellationToken cancellationToken) =>
        Guard(endpoint, () => new Protos.Endorser.EndorserClient(channel).ProcessProposalAsync(proposal.Signed, cancellationToken: cancellationToken).ResponseAsync);

    private static void ThrowIfFailed(ChaincodeProposal proposal, FabricEndpoint endpoint, Protos.ProposalResponse response)
    {
        if (ChaincodeError.TryDecode(response.Response) is { } failure)
        {
            throw new FabricChaincodeException(failure.Code, failure.Message, proposal.TransactionId);
        }

        if (response.Response.Status is < 200 or >= 400)
        {
            throw new FabricEndorsementException(proposal.TransactionId, endpoint.Address, response.Response.Status, response.Response.Message);
        }
    }

    // A Fabric chaincode cannot tell a query from a submit; the simulation's write set can.
    private static void ThrowIfWrites(ChaincodeProposal proposal, Protos.ProposalResponse response)
    {
        Protos.ChaincodeAction action = ActionOf(response);
        if (action.Results.IsEmpty)
        {
            return;
        }

        Rwset.TxReadWriteSet simulation = Rwset.TxReadWriteSet.Parser.ParseFrom(action.Results);
        bool writes = simulation.NsRwset
            .Where(ns => ns.Namespace == proposal.Chaincode)
            .Any(ns => Kvrwset.KVRWSet.Parser.ParseFrom(ns.Rwset).Writes.Count > 0);
        if (writes)
        {
            throw new FabricChaincodeException(ErrorCodes.ReadOnly, $"{proposal.Chaincode} wrote state during a query; submit it as a transaction instead.", proposal.TransactionId);
        }
    }

    private async Task BroadcastAsync(string transactionId, Common.Envelope envelope, CancellationToken cancellationToken)
    {
        var broadcast = new Orderer.AtomicBroadcast.AtomicBroadcastClient(_orderer);
        Orderer.BroadcastResponse? response = await Guard(_options.Orderer, async () =>
        {
            using AsyncDuplexStreamingCall<Common.Envelope, Orderer.BroadcastResponse> call = broadcast.Broadcast(cancellationToken: cancellationToken);
            await call.RequestStream.WriteAsync(envelope, cancellationToken).ConfigureAwait(false);
            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            return await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false) ? call.ResponseStream.Current : null;
        }).ConfigureAwait(false);
        if (response is null)
        {
            throw new FabricOrdererException(transactionId, _options.Orderer.Address, 0, "the orderer closed the stream without an answer");
        }

        if (response.Status != Common.Status.Success)
        {
            throw new FabricOrdererException(transactionId, _options.Orderer.Address, (int)response.Status, $"{response.Status}: {response.Info}");
        }
    }

    private Activity? Span(string name, ChaincodeProposal proposal)
    {
        Activity? span = FabricTelemetry.Ledger.Source.StartActivity(name, ActivityKind.Client);
        span?.SetTag(TelemetryNames.LedgerKind, FabricTelemetry.LedgerKind);
        span?.SetTag(TelemetryNames.LedgerNetwork, _options.Channel);
        span?.SetTag(TelemetryNames.Contract, proposal.Chaincode);
        span?.SetTag(TelemetryNames.TransactionId, proposal.TransactionId);
        return span;
    }

    private static Protos.ChaincodeAction ActionOf(Protos.ProposalResponse response) =>
        Protos.ChaincodeAction.Parser.ParseFrom(Protos.ProposalResponsePayload.Parser.ParseFrom(response.Payload).Extension);

    private static async Task<T> Guard<T>(FabricEndpoint endpoint, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            throw new FabricConnectionException(endpoint.Address, (int)e.StatusCode, e.Status.Detail, e);
        }
    }

    private static Task<bool> Guard(FabricEndpoint endpoint, Func<Task> call) => Guard(endpoint, async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    });

    /// <summary>The first bootstrap peer's raw discovery answer for <paramref name="chaincode"/> (configuration, membership, endorsers), as recorded for the golden files.</summary>
    /// <exception cref="InvalidOperationException">Discovery is off.</exception>
    /// <exception cref="FabricDiscoveryException">The peer could not be reached or refused the request.</exception>
    internal Task<Discovery.Response> DiscoverAsync(string chaincode, CancellationToken cancellationToken = default) =>
        (_discovery ?? throw new InvalidOperationException("FabricClientOptions.UseDiscovery is off."))
            .DiscoverAsync(_peers[0].Endpoint, _peers[0].Channel, chaincode, cancellationToken);

    /// <summary>Stops the commit stream and closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await _commits.DisposeAsync().ConfigureAwait(false);
        _discovery?.Dispose();
        foreach ((_, GrpcChannel channel) in _peers)
        {
            channel.Dispose();
        }

        _orderer.Dispose();
    }

    /// <summary>Stops the commit stream and closes the connections (prefer <see cref="DisposeAsync"/>).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Shows the channel and peers.</summary>
    public override string ToString() => new StringBuilder("FabricClient(").Append(_options.Channel).Append(", ").AppendJoin(", ", _peers.Select(p => p.Endpoint.Address)).Append(')').ToString();
}
