using System.Collections.Concurrent;
using ValueChain.Cryptography;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The public keys of signers seen before, senders of transactions and readers of signed queries alike. A signer's
/// first signature is checked by recovery; later ones by verification against the known key, which accepts exactly
/// the same signatures (<see cref="Secp256k1.IsSignedBy"/>) at a lower cost. Only keys are kept, never a verdict:
/// every signature is checked.
/// </summary>
internal sealed class KeyDirectory
{
    private readonly ConcurrentDictionary<Address, PublicKey> _keys = new();

    public bool IsSignedBySender(SignedTransaction signed) =>
        IsSignedBy(signed.Transaction.Sender, signed.Transaction.Hash, signed.Signature);

    public bool IsSignedByReader(SignedQuery signed) =>
        IsSignedBy(signed.Query.Reader, signed.Query.Hash, signed.Signature);

    private bool IsSignedBy(Address signer, Hash32 digest, RecoverableSignature signature)
    {
        try
        {
            if (_keys.TryGetValue(signer, out PublicKey? known))
            {
                return Secp256k1.IsSignedBy(known, digest, signature, RecoveryMode.Strict);
            }

            PublicKey recovered = Secp256k1.Recover(digest, signature, RecoveryMode.Strict);
            if (recovered.Address != signer)
            {
                return false;
            }

            _keys.TryAdd(signer, recovered);
            return true;
        }
        catch (InvalidSignatureException)
        {
            return false;
        }
    }
}
