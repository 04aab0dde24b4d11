using System.Collections.Concurrent;
using ValueChain.Cryptography;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The public keys of senders seen before. A sender's first transaction is checked by recovery;
/// later ones by verification against the known key, which accepts exactly the same signatures
/// (<see cref="Secp256k1.IsSignedBy"/>) at a lower cost.
/// </summary>
internal sealed class KeyDirectory
{
    private readonly ConcurrentDictionary<Address, PublicKey> _keys = new();

    public bool IsSignedBySender(SignedTransaction signed)
    {
        LedgerTransaction transaction = signed.Transaction;
        try
        {
            if (_keys.TryGetValue(transaction.Sender, out PublicKey? known))
            {
                return Secp256k1.IsSignedBy(known, transaction.Hash, signed.Signature, RecoveryMode.Strict);
            }

            PublicKey recovered = Secp256k1.Recover(transaction.Hash, signed.Signature, RecoveryMode.Strict);
            if (recovered.Address != transaction.Sender)
            {
                return false;
            }

            _keys.TryAdd(transaction.Sender, recovered);
            return true;
        }
        catch (InvalidSignatureException)
        {
            return false;
        }
    }
}
