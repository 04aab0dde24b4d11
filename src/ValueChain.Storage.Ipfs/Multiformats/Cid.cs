using System.Security.Cryptography;
using ValueChain.Content;

namespace ValueChain.Storage.Ipfs.Multiformats;

/// <summary>
/// An IPFS content identifier: version 0 (a bare sha2-256 multihash of a dag-pb node, written in
/// base58btc "Qm…") or version 1 (version, content codec and multihash, written with a multibase
/// prefix, by default base32 "b…"). Parsing is strict: malformed, truncated, non-minimal or
/// unsupported input raises <see cref="ValueChainFormatException"/> naming it.
/// </summary>
public sealed class Cid : IEquatable<Cid>
{
    private const int Sha256Length = 32;
    private const int MaxIdentityLength = 128;
    private readonly byte[] _bytes;
    private readonly int _multihashOffset;

    private Cid(byte[] bytes, int version, ContentCodec codec, MultihashCode hash, int multihashOffset, int digestOffset)
    {
        _bytes = bytes;
        Version = version;
        Codec = codec;
        Hash = hash;
        _multihashOffset = multihashOffset;
        DigestOffset = digestOffset;
    }

    /// <summary>The CID version: 0 or 1.</summary>
    public int Version { get; }

    /// <summary>What the block is: raw bytes or a dag-pb node.</summary>
    public ContentCodec Codec { get; }

    /// <summary>The hash function of the multihash.</summary>
    public MultihashCode Hash { get; }

    /// <summary>The digest (for identity, the content itself).</summary>
    public ReadOnlySpan<byte> Digest => _bytes.AsSpan(DigestOffset);

    /// <summary>The multihash: function code, digest length and digest.</summary>
    public ReadOnlySpan<byte> Multihash => _bytes.AsSpan(_multihashOffset);

    private int DigestOffset { get; }

    /// <summary>Computes the CID of <paramref name="block"/>: sha2-256 over its bytes, with the given codec and version.</summary>
    /// <param name="codec">The block's codec.</param>
    /// <param name="block">The block's bytes.</param>
    /// <param name="version">1, or 0 for a dag-pb block.</param>
    public static Cid Compute(ContentCodec codec, ReadOnlySpan<byte> block, int version = 1)
    {
        Span<byte> digest = stackalloc byte[Sha256Length];
        SHA256.HashData(block, digest);
        return FromDigest(codec, digest, version);
    }

    /// <summary>Builds the CID of a sha2-256 <paramref name="digest"/>.</summary>
    internal static Cid FromDigest(ContentCodec codec, ReadOnlySpan<byte> digest, int version)
    {
        if (version == 0)
        {
            if (codec != ContentCodec.DagPb)
            {
                throw new ArgumentException("A CIDv0 always names a dag-pb block.", nameof(codec));
            }

            var v0 = new byte[2 + Sha256Length];
            v0[0] = (byte)MultihashCode.Sha256;
            v0[1] = Sha256Length;
            digest.CopyTo(v0.AsSpan(2));
            return new Cid(v0, 0, codec, MultihashCode.Sha256, 0, 2);
        }

        ArgumentOutOfRangeException.ThrowIfNotEqual(version, 1);
        int prefix = 1 + Varint.Length((ulong)codec);
        var v1 = new byte[prefix + 2 + Sha256Length];
        v1[0] = 1;
        Varint.Write(v1.AsSpan(1), (ulong)codec);
        v1[prefix] = (byte)MultihashCode.Sha256;
        v1[prefix + 1] = Sha256Length;
        digest.CopyTo(v1.AsSpan(prefix + 2));
        return new Cid(v1, 1, codec, MultihashCode.Sha256, prefix, prefix + 2);
    }

    /// <summary>Parses a CID from text: "Qm…" (v0), or a multibase string in base32 ('b') or base58btc ('z').</summary>
    /// <exception cref="ValueChainFormatException">The text is not a supported, well-formed CID.</exception>
    public static Cid Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Decode(text, out string? error) ?? throw new ValueChainFormatException("CID", text, error!);
    }

    /// <summary>Parses the CID a <see cref="ContentId"/> holds.</summary>
    /// <exception cref="ValueChainFormatException">The text is not a supported, well-formed CID.</exception>
    public static Cid Parse(ContentId id) => Parse(id.Value ?? string.Empty);

    /// <summary>Parses a CID from text; false (and null) when it is not a supported, well-formed CID.</summary>
    public static bool TryParse(string? text, out Cid? cid)
    {
        cid = text is null ? null : Decode(text, out _);
        return cid is not null;
    }

    /// <summary>Reads a CID from its binary form (a bare multihash for v0).</summary>
    /// <exception cref="ValueChainFormatException">The bytes are not a supported, well-formed CID.</exception>
    public static Cid FromBytes(ReadOnlySpan<byte> bytes) =>
        FromBytes(bytes, out string? error) ?? throw new ValueChainFormatException("CID bytes", Convert.ToHexStringLower(bytes), error!);

    /// <summary>The binary form: the multihash for v0; version, codec and multihash for v1.</summary>
    public byte[] ToBytes() => (byte[])_bytes.Clone();

    /// <summary>The binary form without a copy, for encoders.</summary>
    internal ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>This CID as version 1 (same codec and multihash).</summary>
    public Cid ToV1()
    {
        if (Version == 1)
        {
            return this;
        }

        var v1 = new byte[2 + _bytes.Length];
        v1[0] = 1;
        v1[1] = (byte)ContentCodec.DagPb;
        _bytes.CopyTo(v1, 2);
        return new Cid(v1, 1, Codec, Hash, 2, 2 + DigestOffset);
    }

    /// <summary>This CID as version 0; only a dag-pb block hashed with sha2-256 has one.</summary>
    /// <exception cref="InvalidOperationException">The CID is raw or not sha2-256.</exception>
    public Cid ToV0()
    {
        if (Version == 0)
        {
            return this;
        }

        if (Codec != ContentCodec.DagPb || Hash != MultihashCode.Sha256)
        {
            throw new InvalidOperationException($"{this} has no CIDv0 form: only a sha2-256 dag-pb CID has one.");
        }

        return FromDigest(ContentCodec.DagPb, Digest, 0);
    }

    /// <summary>Whether <paramref name="block"/> is the block this CID names.</summary>
    public bool Matches(ReadOnlySpan<byte> block)
    {
        if (Hash == MultihashCode.Identity)
        {
            return block.SequenceEqual(Digest);
        }

        Span<byte> digest = stackalloc byte[Sha256Length];
        SHA256.HashData(block, digest);
        return digest.SequenceEqual(Digest);
    }

    /// <summary>The CID as text: base58btc for v0, base32 lower for v1.</summary>
    public override string ToString() => ToString(Version == 0 ? Multibase.Base58Btc : Multibase.Base32Lower);

    /// <summary>The CID as text in <paramref name="encoding"/>; a v0 CID is always bare base58btc.</summary>
    /// <exception cref="ArgumentException">A v0 CID was asked for in base32.</exception>
    public string ToString(Multibase encoding)
    {
        if (Version == 0)
        {
            return encoding == Multibase.Base58Btc
                ? BaseEncoding.EncodeBase58(_bytes)
                : throw new ArgumentException("A CIDv0 is always written in base58btc; convert it with ToV1() first.", nameof(encoding));
        }

        return encoding == Multibase.Base58Btc
            ? "z" + BaseEncoding.EncodeBase58(_bytes)
            : "b" + BaseEncoding.EncodeBase32(_bytes);
    }

    /// <summary>The CID as a <see cref="ContentId"/> (its default text form).</summary>
    public ContentId ToContentId() => new(ToString());

    /// <inheritdoc />
    public bool Equals(Cid? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Cid other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>Whether two CIDs are the same (same version, codec and multihash).</summary>
    public static bool operator ==(Cid? left, Cid? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two CIDs differ.</summary>
    public static bool operator !=(Cid? left, Cid? right) => !(left == right);

    private static Cid? Decode(string text, out string? error)
    {
        if (text.Length == 0)
        {
            error = "it is empty";
            return null;
        }

        byte[]? bytes;
        if (text.Length == 46 && text.StartsWith("Qm", StringComparison.Ordinal))
        {
            bytes = BaseEncoding.DecodeBase58(text);
            if (bytes is null || bytes.Length != 34 || bytes[0] != (byte)MultihashCode.Sha256 || bytes[1] != Sha256Length)
            {
                error = "a CIDv0 must be the base58btc form of a 34-byte sha2-256 multihash";
                return null;
            }

            return FromBytes(bytes, out error);
        }

        bytes = text[0] switch
        {
            'b' => BaseEncoding.DecodeBase32(text.AsSpan(1)),
            'z' => BaseEncoding.DecodeBase58(text.AsSpan(1)),
            _ => null,
        };
        if (bytes is null)
        {
            error = text[0] is 'b' or 'z'
                ? $"it is not valid {(text[0] == 'b' ? "base32 (lower case, unpadded)" : "base58btc")}"
                : $"the multibase prefix '{text[0]}' is not supported (use 'b' for base32 or 'z' for base58btc, or a CIDv0 'Qm…')";
            return null;
        }

        if (bytes.Length > 0 && bytes[0] != 1)
        {
            error = bytes[0] == (byte)MultihashCode.Sha256
                ? "a CIDv0 must not carry a multibase prefix"
                : $"CID version {bytes[0]} is not supported";
            return null;
        }

        return FromBytes(bytes, out error);
    }

    private static Cid? FromBytes(ReadOnlySpan<byte> bytes, out string? error)
    {
        error = null;
        if (bytes.Length == 34 && bytes[0] == (byte)MultihashCode.Sha256 && bytes[1] == Sha256Length)
        {
            return new Cid(bytes.ToArray(), 0, ContentCodec.DagPb, MultihashCode.Sha256, 0, 2);
        }

        int offset = Varint.TryRead(bytes, out ulong version);
        if (offset == 0 || version != 1)
        {
            error = offset == 0 ? "it is truncated or its version varint is malformed" : $"CID version {version} is not supported";
            return null;
        }

        int read = Varint.TryRead(bytes[offset..], out ulong codec);
        if (read == 0)
        {
            error = "its codec varint is truncated or malformed";
            return null;
        }

        if (codec is not ((ulong)ContentCodec.Raw or (ulong)ContentCodec.DagPb))
        {
            error = $"the content codec 0x{codec:x} is not supported (only raw 0x55 and dag-pb 0x70)";
            return null;
        }

        offset += read;
        int multihashOffset = offset;
        read = Varint.TryRead(bytes[offset..], out ulong hash);
        if (read == 0)
        {
            error = "its multihash code is truncated or malformed";
            return null;
        }

        offset += read;
        read = Varint.TryRead(bytes[offset..], out ulong length);
        if (read == 0)
        {
            error = "its multihash length is truncated or malformed";
            return null;
        }

        offset += read;
        if (hash == (ulong)MultihashCode.Sha256 ? length != Sha256Length
            : hash == (ulong)MultihashCode.Identity ? length > MaxIdentityLength
            : true)
        {
            error = hash is (ulong)MultihashCode.Sha256 or (ulong)MultihashCode.Identity
                ? $"a digest of {length} bytes is not valid for multihash 0x{hash:x}"
                : $"the multihash function 0x{hash:x} is not supported (only sha2-256 0x12 and identity 0x00)";
            return null;
        }

        if ((ulong)(bytes.Length - offset) != length)
        {
            error = (ulong)(bytes.Length - offset) < length ? "its digest is truncated" : "bytes follow its digest";
            return null;
        }

        return new Cid(bytes.ToArray(), 1, (ContentCodec)codec, (MultihashCode)hash, multihashOffset, offset);
    }
}
