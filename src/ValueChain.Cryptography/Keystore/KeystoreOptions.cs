namespace ValueChain.Cryptography;

/// <summary>How <see cref="KeystoreV3.Encrypt"/> derives the encryption key.</summary>
public sealed record KeystoreOptions
{
    /// <summary>The scrypt cost (N); a power of two. The default 2^17 is what geth and ethers write.</summary>
    public int ScryptN { get; init; } = 1 << 17;

    /// <summary>The scrypt block size (r).</summary>
    public int ScryptR { get; init; } = 8;

    /// <summary>The scrypt parallelisation (p).</summary>
    public int ScryptP { get; init; } = 1;

    /// <summary>Light settings (N = 2^12) for tests and throw-away keys only; not for keys that guard value.</summary>
    public static KeystoreOptions Light { get; } = new() { ScryptN = 1 << 12 };
}
