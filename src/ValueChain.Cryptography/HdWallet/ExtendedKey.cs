using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Utilities;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace ValueChain.Cryptography;

/// <summary>
/// A BIP-32 extended key on secp256k1: a private or public key with its chain code, from which
/// child keys are derived along paths such as <c>m/44'/60'/0'/0/0</c> (an apostrophe or h marks a
/// hardened step). Serialises as xprv/xpub.
/// </summary>
public sealed class ExtendedKey
{
    /// <summary>The first hardened child index, 2^31.</summary>
    public const uint HardenedOffset = 0x8000_0000;

    private const uint PrivateVersion = 0x0488_ADE4; // "xprv"
    private const uint PublicVersion = 0x0488_B21E;  // "xpub"

    private readonly byte[] _chainCode;

    private ExtendedKey(PrivateKey? privateKey, PublicKey publicKey, byte[] chainCode, byte depth, uint parentFingerprint, uint childNumber)
    {
        PrivateKey = privateKey;
        PublicKey = publicKey;
        _chainCode = chainCode;
        Depth = depth;
        ParentFingerprint = parentFingerprint;
        ChildNumber = childNumber;
    }

    /// <summary>The private key, or null for a public-only (neutered) extended key.</summary>
    public PrivateKey? PrivateKey { get; }

    /// <summary>The public key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>The 32-byte chain code.</summary>
    public byte[] ChainCode => (byte[])_chainCode.Clone();

    /// <summary>How many derivation steps from the master key (0 for the master).</summary>
    public byte Depth { get; }

    /// <summary>The first 4 bytes of HASH160 of the parent's public key (0 for the master).</summary>
    public uint ParentFingerprint { get; }

    /// <summary>The index of this key under its parent (hardened indices are 2^31 and above).</summary>
    public uint ChildNumber { get; }

    /// <summary>The Ethereum address of the key.</summary>
    public Address Address => PublicKey.Address;

    /// <summary>The master key of a seed: HMAC-SHA512 keyed with "Bitcoin seed".</summary>
    /// <exception cref="InvalidKeyException">The seed is not 16 to 64 bytes, or yields an invalid key (probability ~2^-127).</exception>
    public static ExtendedKey FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length is < 16 or > 64)
        {
            throw new InvalidKeyException($"a BIP-32 seed is 16 to 64 bytes, not {seed.Length}");
        }

        byte[] digest = HMACSHA512.HashData("Bitcoin seed"u8, seed);
        PrivateKey key = PrivateKey.FromBytes(digest.AsSpan(0, 32));
        return new ExtendedKey(key, key.PublicKey, digest[32..], 0, 0, 0);
    }

    /// <summary>Parses an xprv or xpub string.</summary>
    /// <exception cref="ValueChainFormatException">Not Base58Check, wrong length or version.</exception>
    public static ExtendedKey Parse(string text)
    {
        byte[] data = Base58Check.Decode(text, "extended key");
        if (data.Length != 78)
        {
            throw new ValueChainFormatException("extended key", text, $"an extended key is 78 bytes, not {data.Length}");
        }

        uint version = BinaryPrimitives.ReadUInt32BigEndian(data);
        byte depth = data[4];
        uint parent = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(5));
        uint child = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(9));
        byte[] chainCode = data[13..45];
        switch (version)
        {
            case PrivateVersion when data[45] == 0:
                PrivateKey key = PrivateKey.FromBytes(data.AsSpan(46, 32));
                return new ExtendedKey(key, key.PublicKey, chainCode, depth, parent, child);
            case PublicVersion:
                return new ExtendedKey(null, PublicKey.FromBytes(data.AsSpan(45, 33)), chainCode, depth, parent, child);
            default:
                throw new ValueChainFormatException("extended key", text, "not an xprv or xpub key of the Bitcoin main-net versions");
        }
    }

    /// <summary>Derives the key at <paramref name="path"/> (for example <c>m/44'/60'/0'/0/0</c>) from this key.</summary>
    /// <exception cref="ValueChainFormatException">The path is malformed.</exception>
    /// <exception cref="InvalidOperationException">A hardened step from a public-only key.</exception>
    public ExtendedKey Derive(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] steps = path.Split('/');
        if (steps[0] != "m" && steps[0] != "M")
        {
            throw new ValueChainFormatException("derivation path", path, "a path starts with m");
        }

        ExtendedKey key = this;
        foreach (string step in steps.Skip(1))
        {
            bool hardened = step.EndsWith('\'') || step.EndsWith('h') || step.EndsWith('H');
            string digits = hardened ? step[..^1] : step;
            if (!uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out uint index) || index >= HardenedOffset)
            {
                throw new ValueChainFormatException("derivation path", path, $"step '{step}' is not an index below 2^31, optionally followed by ' or h");
            }

            key = key.DeriveChild(hardened ? index | HardenedOffset : index);
        }

        return key;
    }

    /// <summary>Derives the child with <paramref name="index"/> (hardened when 2^31 or more).</summary>
    /// <exception cref="InvalidOperationException">A hardened child of a public-only key.</exception>
    public ExtendedKey DeriveChild(uint index)
    {
        bool hardened = index >= HardenedOffset;
        Span<byte> data = stackalloc byte[37];
        if (hardened)
        {
            if (PrivateKey is null)
            {
                throw new InvalidOperationException("A hardened child needs the private key; this extended key is public only.");
            }

            data[0] = 0;
            PrivateKey.ToBytes().CopyTo(data[1..]);
        }
        else
        {
            PublicKey.ToCompressed().CopyTo(data);
        }

        BinaryPrimitives.WriteUInt32BigEndian(data[33..], index);
        byte[] digest = HMACSHA512.HashData(_chainCode, data);
        CryptographicOperations.ZeroMemory(data);
        BigInteger tweak = new(1, digest, 0, 32);
        if (tweak.CompareTo(Secp256k1Curve.N) >= 0)
        {
            throw new InvalidKeyException($"child {index} is invalid (probability ~2^-127); use the next index");
        }

        uint fingerprint = Fingerprint();
        byte depth = checked((byte)(Depth + 1));
        if (PrivateKey is not null)
        {
            BigInteger childScalar = tweak.Add(PrivateKey.Scalar).Mod(Secp256k1Curve.N);
            if (childScalar.SignValue == 0)
            {
                throw new InvalidKeyException($"child {index} is invalid (probability ~2^-127); use the next index");
            }

            PrivateKey child = PrivateKey.FromBytes(BigIntegers.AsUnsignedByteArray(32, childScalar));
            return new ExtendedKey(child, child.PublicKey, digest[32..], depth, fingerprint, index);
        }

        ECPoint point = Secp256k1Curve.MultiplyG(tweak).Add(PublicKey.Point).Normalize();
        if (point.IsInfinity)
        {
            throw new InvalidKeyException($"child {index} is invalid (probability ~2^-127); use the next index");
        }

        return new ExtendedKey(null, new PublicKey(point), digest[32..], depth, fingerprint, index);
    }

    /// <summary>The public-only extended key (xpub) of this key.</summary>
    public ExtendedKey Neuter() => new(null, PublicKey, _chainCode, Depth, ParentFingerprint, ChildNumber);

    /// <summary>The xprv serialisation (Base58Check).</summary>
    /// <exception cref="InvalidOperationException">The key is public only.</exception>
    public string ToExtendedPrivateKey() => Serialise(PrivateVersion, PrivateKey is null
        ? throw new InvalidOperationException("This extended key is public only.")
        : [0, .. PrivateKey.ToBytes()]);

    /// <summary>The xpub serialisation (Base58Check).</summary>
    public string ToExtendedPublicKey() => Serialise(PublicVersion, PublicKey.ToCompressed());

    /// <summary>The xpub serialisation; never the private key.</summary>
    public override string ToString() => ToExtendedPublicKey();

    private string Serialise(uint version, byte[] key)
    {
        Span<byte> data = stackalloc byte[78];
        BinaryPrimitives.WriteUInt32BigEndian(data, version);
        data[4] = Depth;
        BinaryPrimitives.WriteUInt32BigEndian(data[5..], ParentFingerprint);
        BinaryPrimitives.WriteUInt32BigEndian(data[9..], ChildNumber);
        _chainCode.CopyTo(data[13..]);
        key.CopyTo(data[45..]);
        string text = Base58Check.Encode(data);
        CryptographicOperations.ZeroMemory(data);
        return text;
    }

    // HASH160 = RIPEMD-160(SHA-256(compressed public key)); the fingerprint is its first 4 bytes.
    private uint Fingerprint()
    {
        byte[] sha = SHA256.HashData(PublicKey.ToCompressed());
        var ripemd = new RipeMD160Digest();
        ripemd.BlockUpdate(sha, 0, sha.Length);
        byte[] hash160 = new byte[20];
        ripemd.DoFinal(hash160, 0);
        return BinaryPrimitives.ReadUInt32BigEndian(hash160);
    }
}
