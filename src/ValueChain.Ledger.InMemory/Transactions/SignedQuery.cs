using ValueChain.Cryptography;

namespace ValueChain.Ledger.InMemory;

/// <summary>A query with its reader's secp256k1 signature over <see cref="LedgerQuery.Hash"/>.</summary>
/// <param name="Query">The signed query.</param>
/// <param name="Signature">The reader's signature (low s).</param>
public sealed record SignedQuery(LedgerQuery Query, RecoverableSignature Signature)
{
    /// <summary>Signs <paramref name="query"/> with <paramref name="signer"/>.</summary>
    /// <exception cref="ArgumentException">The signer is not the query's reader.</exception>
    public static async Task<SignedQuery> SignAsync(LedgerQuery query, ISigner signer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(signer);
        if (signer.Address != query.Reader)
        {
            throw new ArgumentException($"The signer {signer.Address} is not the query's reader {query.Reader}.", nameof(signer));
        }

        return new SignedQuery(query, await signer.SignAsync(query.Hash, cancellationToken));
    }

    /// <summary>True when the signature is valid under strict rules and made by the reader.</summary>
    public bool HasValidSignature()
    {
        try
        {
            return Secp256k1.RecoverAddress(Query.Hash, Signature, RecoveryMode.Strict) == Query.Reader;
        }
        catch (InvalidSignatureException)
        {
            return false;
        }
    }
}
