using ValueChain.Cryptography;

namespace ValueChain.Ledger.InMemory;

/// <summary>A transaction with its sender's secp256k1 signature over <see cref="LedgerTransaction.Hash"/>.</summary>
/// <param name="Transaction">The signed transaction.</param>
/// <param name="Signature">The sender's signature (low s, as transaction signatures must be).</param>
public sealed record SignedTransaction(LedgerTransaction Transaction, RecoverableSignature Signature)
{
    /// <summary>The transaction id.</summary>
    public TxId Id => Transaction.Id;

    /// <summary>Signs <paramref name="transaction"/> with <paramref name="signer"/>.</summary>
    /// <exception cref="ArgumentException">The signer is not the transaction's sender.</exception>
    public static async Task<SignedTransaction> SignAsync(LedgerTransaction transaction, ISigner signer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(signer);
        if (signer.Address != transaction.Sender)
        {
            throw new ArgumentException($"The signer {signer.Address} is not the transaction's sender {transaction.Sender}.", nameof(signer));
        }

        return new SignedTransaction(transaction, await signer.SignAsync(transaction.Hash, cancellationToken));
    }

    /// <summary>True when the signature is valid under strict rules and made by the sender.</summary>
    public bool HasValidSignature()
    {
        try
        {
            return Secp256k1.RecoverAddress(Transaction.Hash, Signature, RecoveryMode.Strict) == Transaction.Sender;
        }
        catch (InvalidSignatureException)
        {
            return false;
        }
    }

    internal BinaryEncoder Encode(BinaryEncoder encoder) => Transaction.Encode(encoder).Signature(Signature);

    internal static SignedTransaction Decode(ref BinaryDecoder decoder)
    {
        LedgerTransaction transaction = LedgerTransaction.Decode(ref decoder);
        return new SignedTransaction(transaction, decoder.Signature());
    }
}
