using CsCheck;
using Nethereum.Model;
using Nethereum.Signer;
using NethereumAccessListItem = Nethereum.Model.AccessListItem;

namespace ValueChain.Ledger.Ethereum.Interop.Tests;

/// <summary>
/// Signed transactions cross between ValueChain and Nethereum 6.1 both ways: each side decodes what the
/// other signed, recovers the same sender, and re-encodes the same bytes.
/// </summary>
public sealed class TransactionInteropTests
{
    [Fact]
    public void Nethereum_decodes_our_EIP1559_transactions_and_recovers_our_signer() =>
        Gen.Select(InteropGen.Key, InteropGen.Eip1559).Sample((key, transaction) =>
        {
            byte[] raw = transaction.Sign(key);
            var theirs = Assert.IsType<Transaction1559>(TransactionFactory.CreateTransaction(raw));
            Assert.Equal(Hex.Encode(raw), Hex.Encode(theirs.GetRLPEncoded()));
            Assert.Equal(Hex.Encode(EthereumTransaction.Hash(raw).ToArray()), Hex.Encode(theirs.Hash));
            Assert.Equal(transaction.Nonce, (ulong)theirs.Nonce!.Value);
            Assert.Equal(transaction.MaxFeePerGas.Value, theirs.MaxFeePerGas!.Value);
            Assert.Equal(transaction.To?.ToLowerHex(), Blank(theirs.ReceiverAddress)?.ToLowerInvariant());
            Assert.Equal(transaction.AccessList.Count, theirs.AccessList?.Count ?? 0);
            Assert.True(TransactionVerificationAndRecovery.VerifyTransaction(theirs));
            Assert.Equal(key.Address, Address.Parse(TransactionVerificationAndRecovery.GetSenderAddress(theirs)));
        });

    [Fact]
    public void We_decode_Nethereum_EIP1559_transactions_and_recover_their_signer() =>
        Gen.Select(InteropGen.Key, InteropGen.Eip1559).Sample((key, transaction) =>
        {
            var theirs = new Transaction1559(
                transaction.ChainId, transaction.Nonce, transaction.MaxPriorityFeePerGas.Value, transaction.MaxFeePerGas.Value, transaction.GasLimit,
                transaction.To?.ToString(), transaction.Value.Value, Hex.Encode(transaction.Data),
                [.. transaction.AccessList.Select(e => new NethereumAccessListItem(e.Address.ToString(), [.. e.StorageKeys.Select(k => k.ToArray())]))]);
            byte[] raw = Hex.Decode(new Transaction1559Signer().SignTransaction(key.ToBytes(), theirs));

            SignedEthereumTransaction decoded = SignedEthereumTransaction.Decode(raw);
            Assert.Equal(key.Address, decoded.RecoverSender());
            Assert.Equal(transaction.Nonce, decoded.Transaction.Nonce);
            Assert.Equal(transaction.To, decoded.Transaction.To);
            Assert.Equal(transaction.Value, decoded.Transaction.Value);
            Assert.Equal(transaction.Data, decoded.Transaction.Data);
            Assert.Equal(Hex.Encode(raw), Hex.Encode(decoded.Transaction.SignedSerialize(decoded.Signature)));
            Assert.Equal(Hex.Encode(theirs.Hash), Hex.Encode(decoded.Hash.ToArray()));
            // Both sign deterministically (RFC 6979, low s), so our signature of their fields is their bytes.
            Assert.Equal(Hex.Encode(raw), Hex.Encode(decoded.Transaction.Sign(key)));
        });

    [Fact]
    public void Nethereum_decodes_our_EIP155_legacy_transactions_and_recovers_our_signer() =>
        Gen.Select(InteropGen.Key, InteropGen.Eip1559).Sample((key, transaction) =>
        {
            EthereumTransaction legacy = transaction with { Type = 0, GasPrice = transaction.MaxFeePerGas, AccessList = [] };
            byte[] raw = legacy.Sign(key);
            ISignedTransaction theirs = TransactionFactory.CreateTransaction(raw);
            Assert.Equal(TransactionType.LegacyChainTransaction, theirs.TransactionType);
            Assert.Equal(key.Address, Address.Parse(TransactionVerificationAndRecovery.GetSenderAddress(theirs)));
            Assert.Equal(key.Address, SignedEthereumTransaction.Decode(raw).RecoverSender());
            Assert.Equal(legacy.ChainId, SignedEthereumTransaction.Decode(raw).Transaction.ChainId);
        });

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) || text == "0x" ? null : text;
}
