namespace ValueChain.Ledger.InMemory;

/// <summary>
/// An unsigned query of the embedded ledger, to be signed by its reader. Its <see cref="Hash"/> covers
/// the network id, the reader, the call and the time, so that a signature over one query proves
/// nothing about another chaincode, function, set of arguments, network or moment.
/// </summary>
public sealed class LedgerQuery
{
    // Domain tag: a query signature can never be taken for a transaction signature, nor the reverse.
    private static readonly byte[] DomainTag = "ValueChain.Query.v1"u8.ToArray();

    /// <summary>Creates a query and computes its hash.</summary>
    /// <param name="networkId">The ledger network the query is meant for.</param>
    /// <param name="reader">The address that must have signed the query.</param>
    /// <param name="invocation">The query call.</param>
    /// <param name="timestamp">When the reader signed it (kept to the millisecond).</param>
    public LedgerQuery(string networkId, Address reader, ContractInvocation invocation, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(networkId);
        ArgumentNullException.ThrowIfNull(invocation);
        NetworkId = networkId;
        Reader = reader;
        Invocation = invocation;
        Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(timestamp.ToUnixTimeMilliseconds());
        Hash = new BinaryEncoder()
            .Raw(DomainTag)
            .String(NetworkId)
            .Address(Reader)
            .String(Invocation.Chaincode)
            .String(Invocation.Function)
            .String(Invocation.ArgumentsJson)
            .Int64(Timestamp.ToUnixTimeMilliseconds())
            .Keccak();
    }

    /// <summary>The ledger network the query is meant for.</summary>
    public string NetworkId { get; }

    /// <summary>The address the chaincode sees as caller once the signature is checked.</summary>
    public Address Reader { get; }

    /// <summary>The query call.</summary>
    public ContractInvocation Invocation { get; }

    /// <summary>When the reader signed the query; the ledger accepts it only within <see cref="InMemoryLedgerOptions.QueryValidity"/> of ledger time.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Keccak-256 of the canonical encoding: what the reader signs.</summary>
    public Hash32 Hash { get; }
}
