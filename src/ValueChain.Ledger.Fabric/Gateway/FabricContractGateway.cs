using System.Runtime.CompilerServices;
using System.Text;
using ValueChain.Diagnostics;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// <see cref="IContractGateway"/> on Fabric: the applications' chaincode adapters run unchanged over
/// it. A submit goes out under the Fabric identity the <see cref="FabricWallet"/> holds for the
/// signer's address; a chaincode's refusal becomes a failed receipt with the chaincode's code (on
/// Fabric a refused proposal is never ordered, so the receipt has block number -1). The invocation's private
/// arguments (<see cref="ContractInvocation.PrivateArguments"/>) go in the proposal's transient map, not in its arguments.
/// </summary>
public sealed class FabricContractGateway : IContractGateway
{
    private readonly FabricClient _client;
    private readonly FabricWallet _wallet;
    private readonly IReadOnlyDictionary<string, string> _deployedNames;

    /// <summary>Creates the gateway.</summary>
    /// <param name="client">The connected client.</param>
    /// <param name="wallet">The identities that may submit.</param>
    /// <param name="deployedNames">Chaincode name → the name it is deployed under on the channel, where they differ.</param>
    public FabricContractGateway(FabricClient client, FabricWallet wallet, IReadOnlyDictionary<string, string>? deployedNames = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(wallet);
        _client = client;
        _wallet = wallet;
        _deployedNames = deployedNames ?? new Dictionary<string, string>();
    }

    /// <inheritdoc />
    public Task<TransactionReceipt> SubmitAsync(ISigner signer, ContractInvocation invocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(invocation);
        return FabricTelemetry.Ledger.SubmitAsync(_client.Channel, invocation, () => SubmitAsFabricIdentityAsync(signer, invocation, cancellationToken));
    }

    private async Task<TransactionReceipt> SubmitAsFabricIdentityAsync(ISigner signer, ContractInvocation invocation, CancellationToken cancellationToken)
    {
        (FabricIdentity identity, IFabricSigner fabricSigner) = IdentityOf(signer);
        try
        {
            (string arguments, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> transient) = Split(invocation);
            FabricSubmitResult result = await _client.SubmitAsync(identity, fabricSigner, Deployed(invocation.Chaincode), invocation.Function, arguments, transient, cancellationToken).ConfigureAwait(false);
            List<LedgerEvent> events = result.Events
                .Select((e, i) => new LedgerEvent(invocation.Chaincode, e.Name, e.PayloadJson, result.BlockNumber, result.TransactionId, i))
                .ToList();
            return new TransactionReceipt(result.TransactionId, result.BlockNumber, TransactionStatus.Succeeded, events, ResultOf(result.Result));
        }
        catch (FabricChaincodeException e) when (e.Code is ErrorCodes.UnknownFunction or ErrorCodes.UnknownChaincode)
        {
            // Refused before the chaincode ran, as every ledger refuses calls of what does not exist.
            throw new TransactionRejectedException(e.Code, e.Message);
        }
        catch (FabricChaincodeException e)
        {
            return new TransactionReceipt(TxId.Parse(e.TransactionId), -1, TransactionStatus.Failed, [], null, e.Code, e.Message);
        }
        catch (FabricEndorsementException e) when (IsUndefinedChaincode(e.StatusMessage))
        {
            throw new TransactionRejectedException(ErrorCodes.UnknownChaincode, $"Chaincode '{invocation.Chaincode}' is not defined on the channel: {e.StatusMessage}");
        }
        catch (FabricEndorsementPolicyException e) when (e.NotEndorsed.Count > 0 && e.NotEndorsed.Values.All(IsUndefinedChaincode))
        {
            // With a policy every peer's refusal is collected; when all say the chaincode is not defined, it is not.
            throw new TransactionRejectedException(ErrorCodes.UnknownChaincode, $"Chaincode '{invocation.Chaincode}' is not defined on the channel: {e.StatusMessage}");
        }
        catch (FabricDiscoveryException)
        {
            // The discovery service answers an undefined chaincode as it answers a policy no live peers meet ("failed
            // constructing descriptor"); the first configured peer, asked directly, tells the two apart.
            if (await UndefinedAtFirstPeerAsync(identity, fabricSigner, invocation, cancellationToken).ConfigureAwait(false) is { } undefined)
            {
                throw new TransactionRejectedException(ErrorCodes.UnknownChaincode, $"Chaincode '{invocation.Chaincode}' is not defined on the channel: {undefined}");
            }

            throw;
        }
    }

    // The peer's message when an evaluation on the first configured peer says the chaincode is not defined; else null.
    private async Task<string?> UndefinedAtFirstPeerAsync(FabricIdentity identity, IFabricSigner signer, ContractInvocation invocation, CancellationToken cancellationToken)
    {
        try
        {
            // An evaluation is never ordered, whatever the function does.
            (string arguments, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> transient) = Split(invocation);
            await _client.EvaluateAsync(identity, signer, Deployed(invocation.Chaincode), invocation.Function, arguments, transient, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (FabricEndorsementException e) when (IsUndefinedChaincode(e.StatusMessage))
        {
            return e.StatusMessage;
        }
        catch (ValueChainException)
        {
            return null;
        }
    }

    // The peer's answer when the channel has no definition of the chaincode.
    private static bool IsUndefinedChaincode(string message) =>
        message.Contains("has been successfully defined", StringComparison.Ordinal) && message.Contains("not found", StringComparison.Ordinal);

    /// <inheritdoc />
    /// <remarks>
    /// A query with a <paramref name="caller"/> is an evaluate proposal signed by the Fabric identity the
    /// wallet holds for that signer, so the chaincode host maps its creator exactly as for a submit. An
    /// anonymous query goes out under the client's own identity, which holds no participant's address.
    /// </remarks>
    public Task<string?> EvaluateAsync(ISigner? caller, ContractInvocation invocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return FabricTelemetry.Ledger.EvaluateAsync(
            new LedgerCall(_client.Channel, invocation.Chaincode, invocation.Function),
            () => EvaluateAsFabricIdentityAsync(caller, invocation, cancellationToken));
    }

    private async Task<string?> EvaluateAsFabricIdentityAsync(ISigner? caller, ContractInvocation invocation, CancellationToken cancellationToken)
    {
        try
        {
            (string arguments, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> transient) = Split(invocation);
            ReadOnlyMemory<byte> result;
            if (caller is null)
            {
                result = await _client.EvaluateAsync(Deployed(invocation.Chaincode), invocation.Function, arguments, transient, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                (FabricIdentity identity, IFabricSigner signer) = IdentityOf(caller);
                result = await _client.EvaluateAsync(identity, signer, Deployed(invocation.Chaincode), invocation.Function, arguments, transient, cancellationToken).ConfigureAwait(false);
            }

            return ResultOf(result);
        }
        catch (FabricChaincodeException e)
        {
            // The port's contract is the chaincode's own error, as on every other ledger.
            throw new ChaincodeException(e.Code, e.Message);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LedgerEvent>> GetEventsAsync(string chaincode, long fromBlock, long toBlock, CancellationToken cancellationToken = default)
    {
        long newest = await _client.GetNewestBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        long last = Math.Min(toBlock, newest);
        var events = new List<LedgerEvent>();
        if (fromBlock > last)
        {
            return events;
        }

        await foreach (LedgerEvent e in EventsAsync(chaincode, fromBlock, last, cancellationToken).ConfigureAwait(false))
        {
            events.Add(e);
        }

        return events;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<LedgerEvent> WatchEventsAsync(string chaincode, long fromBlock, CancellationToken cancellationToken = default) =>
        EventsAsync(chaincode, fromBlock, null, cancellationToken);

    private async IAsyncEnumerable<LedgerEvent> EventsAsync(string chaincode, long fromBlock, long? toBlock, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string deployed = Deployed(chaincode);
        await foreach (FabricBlock block in _client.ReadBlocksAsync(Math.Max(0, fromBlock), toBlock, cancellationToken).ConfigureAwait(false))
        {
            int index = 0;
            foreach (FabricBlockTransaction transaction in block.Transactions.Where(t => t.IsValid && t.Chaincode == deployed))
            {
                foreach (FabricChaincodeEvent e in transaction.Events)
                {
                    yield return new LedgerEvent(chaincode, e.Name, e.PayloadJson, block.Number, transaction.TransactionId, index++);
                }
            }
        }
    }

    // The private arguments travel in the proposal's transient map: the chaincode reads them there (ITransientDataContext),
    // and they are never part of the transaction every organisation of the channel receives.
    internal static (string Arguments, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Transient) Split(ContractInvocation invocation) =>
        PrivateArguments.Split(invocation.ArgumentsJson, invocation.PrivateArguments);

    private string Deployed(string chaincode) => _deployedNames.TryGetValue(chaincode, out string? name) ? name : chaincode;

    private static string? ResultOf(ReadOnlyMemory<byte> payload) => payload.IsEmpty ? null : Encoding.UTF8.GetString(payload.Span);

    // Writes and signed reads alike go out under the wallet's identity for the signer, never another.
    private (FabricIdentity Identity, IFabricSigner Signer) IdentityOf(ISigner signer) =>
        _wallet.TryGet(signer.Address, out FabricIdentity identity, out IFabricSigner fabricSigner)
            ? (identity, fabricSigner)
            : throw new TransactionRejectedException(ErrorCodes.UnknownSender,
                $"No Fabric identity is registered for {signer.Address}: add its certificate and key to the FabricWallet.");
}
