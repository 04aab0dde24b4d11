using ValueChain.Cryptography;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// An Ethereum transaction: legacy with EIP-155 replay protection (type 0), access-list (EIP-2930,
/// type 1) or fee-market (EIP-1559, type 2). Serialises, hashes and signs exactly as clients do.
/// </summary>
public sealed record EthereumTransaction
{
    /// <summary>0 (legacy), 1 (EIP-2930) or 2 (EIP-1559).</summary>
    public int Type { get; init; } = 2;

    /// <summary>The chain id (EIP-155).</summary>
    public ulong ChainId { get; init; }

    /// <summary>The sender's nonce.</summary>
    public ulong Nonce { get; init; }

    /// <summary>The gas limit.</summary>
    public ulong GasLimit { get; init; }

    /// <summary>The recipient, or null for a contract creation.</summary>
    public Address? To { get; init; }

    /// <summary>The value in wei.</summary>
    public UInt256 Value { get; init; }

    /// <summary>The call data.</summary>
    public byte[] Data { get; init; } = [];

    /// <summary>The gas price in wei (types 0 and 1).</summary>
    public UInt256 GasPrice { get; init; }

    /// <summary>The priority fee per gas (type 2).</summary>
    public UInt256 MaxPriorityFeePerGas { get; init; }

    /// <summary>The fee cap per gas (type 2).</summary>
    public UInt256 MaxFeePerGas { get; init; }

    /// <summary>The access list (types 1 and 2).</summary>
    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    /// <summary>The unsigned serialisation: what the signing hash covers.</summary>
    /// <exception cref="ValueChainFormatException">An unknown type.</exception>
    public byte[] UnsignedSerialize() => Type switch
    {
        0 => Rlp.Encode(RlpItem.List([.. LegacyFields(), RlpItem.Of(ChainId), RlpItem.Of([]), RlpItem.Of([])])),
        _ => Typed(TypedFields()),
    };

    /// <summary>Keccak-256 of the unsigned serialisation.</summary>
    public Hash32 SigningHash() => Keccak256.Hash(UnsignedSerialize());

    /// <summary>Signs with <paramref name="key"/> (deterministic, low s) and returns the signed serialisation.</summary>
    public byte[] Sign(PrivateKey key) => SignedSerialize(Secp256k1.Sign(key, SigningHash()));

    /// <summary>The signed serialisation with <paramref name="signature"/> (V 27/28 or y-parity 0/1).</summary>
    public byte[] SignedSerialize(RecoverableSignature signature)
    {
        int yParity = signature.V >= 27 ? signature.V - 27 : signature.V;
        RlpItem r = RlpItem.Of(UInt256.FromBigEndian(signature.R.ToArray())), s = RlpItem.Of(UInt256.FromBigEndian(signature.S.ToArray()));
        return Type == 0
            ? Rlp.Encode(RlpItem.List([.. LegacyFields(), RlpItem.Of(checked(ChainId * 2 + 35 + (ulong)yParity)), r, s]))
            : Typed([.. TypedFields(), RlpItem.Of((ulong)yParity), r, s]);
    }

    /// <summary>The transaction hash: Keccak-256 of the signed serialisation.</summary>
    public static Hash32 Hash(ReadOnlySpan<byte> signedSerialization) => Keccak256.Hash(signedSerialization);

    private RlpItem[] LegacyFields() =>
        [RlpItem.Of(Nonce), RlpItem.Of(GasPrice), RlpItem.Of(GasLimit), Recipient(), RlpItem.Of(Value), RlpItem.Of(Data)];

    private RlpItem[] TypedFields() => Type switch
    {
        1 => [RlpItem.Of(ChainId), RlpItem.Of(Nonce), RlpItem.Of(GasPrice), RlpItem.Of(GasLimit), Recipient(), RlpItem.Of(Value), RlpItem.Of(Data), AccessListItem()],
        2 => [RlpItem.Of(ChainId), RlpItem.Of(Nonce), RlpItem.Of(MaxPriorityFeePerGas), RlpItem.Of(MaxFeePerGas), RlpItem.Of(GasLimit), Recipient(), RlpItem.Of(Value), RlpItem.Of(Data), AccessListItem()],
        _ => throw new ValueChainFormatException("transaction type", Type.ToString(System.Globalization.CultureInfo.InvariantCulture), "expected 0 (legacy), 1 (EIP-2930) or 2 (EIP-1559)"),
    };

    private byte[] Typed(RlpItem[] fields) => [(byte)Type, .. Rlp.Encode(RlpItem.List(fields))];

    private RlpItem Recipient() => To is { } to ? RlpItem.Of(to.ToArray()) : RlpItem.Of([]);

    private RlpItem AccessListItem() => RlpItem.List(AccessList.Select(entry =>
        RlpItem.List(RlpItem.Of(entry.Address.ToArray()), RlpItem.List(entry.StorageKeys.Select(key => RlpItem.Of(key.ToArray()))))));
}
