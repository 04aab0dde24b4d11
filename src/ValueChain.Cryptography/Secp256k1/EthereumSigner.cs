namespace ValueChain.Cryptography;

/// <summary>An <see cref="ISigner"/> over a private key held in memory.</summary>
public sealed class EthereumSigner : ISigner
{
    private readonly PrivateKey _key;

    /// <summary>Creates a signer for <paramref name="key"/>.</summary>
    public EthereumSigner(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
    }

    /// <inheritdoc />
    public Address Address => _key.Address;

    /// <summary>Signs synchronously (see <see cref="Secp256k1.Sign"/>).</summary>
    public RecoverableSignature Sign(Hash32 digest) => Secp256k1.Sign(_key, digest);

    /// <inheritdoc />
    public ValueTask<RecoverableSignature> SignAsync(Hash32 digest, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Secp256k1.Sign(_key, digest));

    /// <summary>Shows the address, never the key.</summary>
    public override string ToString() => $"EthereumSigner({Address})";
}
