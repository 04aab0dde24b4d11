namespace ValueChain;

/// <summary>
/// Signs 32-byte digests with a secp256k1 key on behalf of one <see cref="Address"/>. Every write
/// to a ledger is signed by one. Implementations may keep the key in memory, a keystore, an HSM or a
/// remote signing service.
/// </summary>
public interface ISigner
{
    /// <summary>The address of the signing key.</summary>
    Address Address { get; }

    /// <summary>Signs <paramref name="digest"/> deterministically with low s; V is 27 or 28.</summary>
    ValueTask<RecoverableSignature> SignAsync(Hash32 digest, CancellationToken cancellationToken = default);
}
