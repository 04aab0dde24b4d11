namespace ValueChain.Ledger.InMemory;

/// <summary>
/// An unsigned transaction of the embedded ledger. Its <see cref="Hash"/> covers every field,
/// including the network id, so that a transaction signed for one ledger cannot be replayed on another.
/// </summary>
public sealed class LedgerTransaction
{
    // Domain tag: a signature over a transaction hash can never be mistaken for one over other data.
    private static readonly byte[] DomainTag = "ValueChain.Transaction.v1"u8.ToArray();

    /// <summary>Creates a transaction and computes its hash.</summary>
    public LedgerTransaction(string networkId, Address sender, ulong nonce, ContractInvocation invocation)
    {
        ArgumentException.ThrowIfNullOrEmpty(networkId);
        ArgumentNullException.ThrowIfNull(invocation);
        NetworkId = networkId;
        Sender = sender;
        Nonce = nonce;
        Invocation = invocation;
        Hash = Encode(new BinaryEncoder()).Keccak();
    }

    /// <summary>The ledger network the transaction is meant for.</summary>
    public string NetworkId { get; }

    /// <summary>The address that must have signed the transaction.</summary>
    public Address Sender { get; }

    /// <summary>The sender's transaction counter: 0 for its first transaction, then one more each time.</summary>
    public ulong Nonce { get; }

    /// <summary>The chaincode call.</summary>
    public ContractInvocation Invocation { get; }

    /// <summary>Keccak-256 of the canonical encoding: what the sender signs, and the transaction id.</summary>
    public Hash32 Hash { get; }

    /// <summary>The transaction id.</summary>
    public TxId Id => new(Hash);

    internal BinaryEncoder Encode(BinaryEncoder encoder) => encoder
        .Raw(DomainTag)
        .String(NetworkId)
        .Address(Sender)
        .UInt64(Nonce)
        .String(Invocation.Chaincode)
        .String(Invocation.Function)
        .String(Invocation.ArgumentsJson);

    internal static LedgerTransaction Decode(ref BinaryDecoder decoder)
    {
        if (!decoder.Raw(DomainTag.Length).SequenceEqual(DomainTag))
        {
            throw new InvalidDataException("Not a ValueChain transaction (wrong domain tag).");
        }

        string network = decoder.RequiredString();
        Address sender = decoder.Address();
        ulong nonce = decoder.UInt64();
        var invocation = new ContractInvocation(decoder.RequiredString(), decoder.RequiredString(), decoder.RequiredString());
        return new LedgerTransaction(network, sender, nonce, invocation);
    }
}
