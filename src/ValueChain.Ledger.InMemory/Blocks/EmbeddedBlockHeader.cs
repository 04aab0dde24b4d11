using ValueChain.Cryptography;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// A block header of the embedded ledger. <see cref="Hash"/> covers every field but the signature;
/// the producer signs it. With only a header, anyone can check the producer's signature and verify
/// an <see cref="InclusionProof"/> of a transaction or receipt of the block.
/// </summary>
public sealed record EmbeddedBlockHeader(
    long Number,
    Hash32 PreviousHash,
    DateTimeOffset Timestamp,
    int TransactionCount,
    Hash32 TransactionsRoot,
    Hash32 ReceiptsRoot,
    Hash32 StateHash,
    Address Producer,
    RecoverableSignature Signature)
{
    private static readonly byte[] DomainTag = "ValueChain.BlockHeader.v1"u8.ToArray();

    /// <summary>Keccak-256 of the header without its signature: the block's hash.</summary>
    public Hash32 Hash => EncodeUnsigned(new BinaryEncoder()).Keccak();

    /// <summary>True when the signature is the producer's, under strict rules.</summary>
    public bool HasValidSignature()
    {
        try
        {
            return Secp256k1.RecoverAddress(Hash, Signature, RecoveryMode.Strict) == Producer;
        }
        catch (InvalidSignatureException)
        {
            return false;
        }
    }

    /// <summary>The driver-independent header.</summary>
    public BlockHeader ToBlockHeader() => new(Number, Hash, PreviousHash, Timestamp, TransactionCount);

    internal BinaryEncoder EncodeUnsigned(BinaryEncoder encoder) => encoder
        .Raw(DomainTag)
        .Int64(Number)
        .Hash(PreviousHash)
        .Int64(Timestamp.ToUnixTimeMilliseconds())
        .UInt32((uint)TransactionCount)
        .Hash(TransactionsRoot)
        .Hash(ReceiptsRoot)
        .Hash(StateHash)
        .Address(Producer);

    internal BinaryEncoder Encode(BinaryEncoder encoder) => EncodeUnsigned(encoder).Signature(Signature);

    internal static EmbeddedBlockHeader Decode(ref BinaryDecoder decoder)
    {
        if (!decoder.Raw(DomainTag.Length).SequenceEqual(DomainTag))
        {
            throw new InvalidDataException("Not a ValueChain block header (wrong domain tag).");
        }

        return new EmbeddedBlockHeader(
            decoder.Int64(), decoder.Hash(), DateTimeOffset.FromUnixTimeMilliseconds(decoder.Int64()), (int)decoder.UInt32(),
            decoder.Hash(), decoder.Hash(), decoder.Hash(), decoder.Address(), decoder.Signature());
    }
}
