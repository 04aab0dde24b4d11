using CsCheck;
using ValueChain.Cryptography;

namespace ValueChain.Ledger.Ethereum.Tests;

/// <summary>Reading signed transactions back: every type round-trips with its sender, and malformed input is refused with the reason.</summary>
public sealed class SignedEthereumTransactionTests
{
    private static readonly PrivateKey Key = PrivateKey.Parse("0x8f3b6e4c681fcb53e5c5aad30b063b655a04494443f775851b31d3425cfa6abd");

    private static readonly Gen<EthereumTransaction> Transactions = Gen.Select(
            Gen.Select(Gen.Int[0, 2], Gen.ULong[1, 100_000], Gen.ULong, Gen.ULong),
            Gen.Select(Gen.Byte.Array[20], Gen.Bool, Gen.Byte.Array[0, 120], Gen.Byte.Array[32].Array[0, 2]))
        .Select((head, body) => new EthereumTransaction
        {
            Type = head.Item1, ChainId = head.Item2, Nonce = head.Item3, GasPrice = head.Item4, MaxPriorityFeePerGas = head.Item4 / 2, MaxFeePerGas = head.Item4, GasLimit = 21_000,
            To = body.Item2 ? null : new Address(body.Item1), Value = head.Item3, Data = body.Item3,
            AccessList = head.Item1 == 0 ? [] : [new AccessListEntry(new Address(body.Item1), [.. body.Item4.Select(k => new Hash32(k))])],
        });

    [Fact]
    public void Every_type_round_trips_with_its_sender() =>
        Transactions.Sample(transaction =>
        {
            byte[] signed = transaction.Sign(Key);
            SignedEthereumTransaction decoded = SignedEthereumTransaction.Decode(signed);
            Assert.Equal(Key.Address, decoded.RecoverSender());
            Assert.Equal(transaction.Type, decoded.Transaction.Type);
            Assert.Equal(transaction.ChainId, decoded.Transaction.ChainId);
            Assert.Equal(transaction.To, decoded.Transaction.To);
            Assert.Equal(transaction.AccessList.SelectMany(e => e.StorageKeys), decoded.Transaction.AccessList.SelectMany(e => e.StorageKeys));
            Assert.Equal(signed, decoded.Transaction.SignedSerialize(decoded.Signature));
            Assert.Equal(EthereumTransaction.Hash(signed), decoded.Hash);
        });

    [Theory]
    [InlineData("", "no data")]
    [InlineData("0x05c0", "type 5")]
    [InlineData("0x02c3010203", "12 fields")]
    [InlineData("0x02c0ff", "follow the item")]
    public void Malformed_input_is_refused_with_the_reason(string hex, string reason)
    {
        var error = Assert.Throws<ValueChainFormatException>(() => SignedEthereumTransaction.Decode(Hex.Decode(hex.Length == 0 ? "0x" : hex)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_integer_with_leading_zeros_is_refused()
    {
        // The nonce field 0x0001 instead of 0x01: a second encoding of the same transaction, which nodes refuse.
        var fields = new List<RlpItem> { RlpItem.Of(1UL), RlpItem.Of([0, 1]) };
        fields.AddRange(Enumerable.Repeat(RlpItem.Of([]), 10));
        byte[] encoded = [2, .. Rlp.Encode(RlpItem.List(fields))];
        var error = Assert.Throws<ValueChainFormatException>(() => SignedEthereumTransaction.Decode(encoded));
        Assert.Contains("leading zeros", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_legacy_transaction_without_replay_protection_is_refused()
    {
        // v = 27: signed before EIP-155, valid on every chain.
        RlpItem[] fields = [RlpItem.Of(0UL), RlpItem.Of(1UL), RlpItem.Of(21_000UL), RlpItem.Of(new byte[20]), RlpItem.Of(0UL), RlpItem.Of([]), RlpItem.Of(27UL), RlpItem.Of(1UL), RlpItem.Of(1UL)];
        var error = Assert.Throws<ValueChainFormatException>(() => SignedEthereumTransaction.Decode(Rlp.Encode(RlpItem.List(fields))));
        Assert.Contains("EIP-155", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_high_s_signature_does_not_recover_a_sender()
    {
        var transaction = new EthereumTransaction { ChainId = 1, GasLimit = 21_000, To = Key.Address };
        RecoverableSignature low = Secp256k1.Sign(Key, transaction.SigningHash());
        var n = System.Numerics.BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        var highS = new UInt256(n - UInt256.FromBigEndian(low.S.ToArray()).Value);
        var flipped = new RecoverableSignature(low.R, new Hash32(highS.ToBigEndian()), (byte)(low.V == 27 ? 28 : 27));
        SignedEthereumTransaction decoded = SignedEthereumTransaction.Decode(transaction.SignedSerialize(flipped));
        Assert.Throws<InvalidSignatureException>(() => decoded.RecoverSender());
    }
}
