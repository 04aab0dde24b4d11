using CsCheck;
using System.Security.Cryptography;
using ValueChain.Storage.Ipfs.Multiformats;

namespace ValueChain.Storage.Ipfs.Tests;

public sealed class CidTests
{
    private const string V0 = "QmWfVY9y3xjsixTgbd9AorQxH7VtMpzfx2HaWtsoUYecaX";
    private const string V1 = "bafybeid3weurg3gvyoi7nisadzolomlvoxoppe2sesktnpvdve3256n5tq";
    private const string RawEmpty = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";

    [Fact]
    public void A_CIDv0_parses_formats_and_converts_to_v1_and_back()
    {
        Cid v0 = Cid.Parse(V0);
        Assert.Equal(0, v0.Version);
        Assert.Equal(ContentCodec.DagPb, v0.Codec);
        Assert.Equal(MultihashCode.Sha256, v0.Hash);
        Assert.Equal(V0, v0.ToString());
        Assert.Equal(V1, v0.ToV1().ToString());
        Assert.Equal(v0, Cid.Parse(V1).ToV0());
        Assert.NotEqual(v0, v0.ToV1());
        Assert.Equal(v0.Digest.ToArray(), v0.ToV1().Digest.ToArray());
    }

    [Fact]
    public void A_CIDv1_round_trips_through_base58btc_and_binary()
    {
        Cid v1 = Cid.Parse(V1);
        string z = v1.ToString(Multibase.Base58Btc);
        Assert.StartsWith("z", z, StringComparison.Ordinal);
        Assert.Equal(v1, Cid.Parse(z));
        Assert.Equal(v1, Cid.FromBytes(v1.ToBytes()));
        Assert.Equal(v1.GetHashCode(), Cid.Parse(z).GetHashCode());
    }

    [Fact]
    public void A_raw_CID_is_the_sha2_256_multihash_of_the_bytes()
    {
        Cid cid = Cid.Compute(ContentCodec.Raw, []);
        Assert.Equal(RawEmpty, cid.ToString());
        Assert.Equal(SHA256.HashData(Array.Empty<byte>()), cid.Digest.ToArray());
        Assert.Equal(new byte[] { 0x12, 0x20 }, cid.Multihash[..2].ToArray());
        Assert.Throws<InvalidOperationException>(() => cid.ToV0());
    }

    [Fact]
    public void An_identity_CID_holds_its_content()
    {
        // bafkqaaa… is the identity CID of "hello": raw codec, identity multihash of 5 bytes.
        byte[] bytes = [0x01, 0x55, 0x00, 0x05, .. "hello"u8];
        Cid cid = Cid.FromBytes(bytes);
        Assert.Equal(MultihashCode.Identity, cid.Hash);
        Assert.True(cid.Matches("hello"u8));
        Assert.False(cid.Matches("hellp"u8));
        Assert.Equal(cid, Cid.Parse(cid.ToString()));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("QmWfVY9y3xjsixTgbd9AorQxH7VtMpzfx2HaWtsoUYeca", null)]
    [InlineData("QmWfVY9y3xjsixTgbd9AorQxH7VtMpzfx2HaWtsoUYeca0", "CIDv0")]
    [InlineData("Bafybeid3weurg3gvyoi7nisadzolomlvoxoppe2sesktnpvdve3256n5tq", "multibase prefix 'B'")]
    [InlineData("bafybeid3weurg3gvyoi7nisadzolomlvoxoppe2sesktnpvdve3256n5tQ", "base32")]
    [InlineData("bafybeid3weurg3gvyoi7nisadzolomlvoxoppe2sesktnpvdve3256n5t", null)]
    [InlineData("bafybeid3weurg3gvyoi7nisadzolomlvoxoppe2sesktnpvdve3256n5", "truncated")]
    [InlineData("bafyreid3weurg3gvyoi7nisadzolomlvoxoppe2sesktnpvdve3256n5tq", "codec 0x71 is not supported")]
    [InlineData("bafkrgqaha4dqobyha4dqobyha4dqobyha4dqobyha4dqobyha4dqobyha4dqobyha4dqobyha4dqobyha4dqobyha4dqobyha4dqobyha4dqo", "multihash function 0x13 is not supported")]
    [InlineData("mAXASIHuxKRObbWY", "multibase prefix 'm'")]
    [InlineData("zQmWfVY9y3xjsixTgbd9AorQxH7VtMpzfx2HaWtsoUYecaX", "must not carry a multibase prefix")]
    [InlineData("bajkreiaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "CID version 2 is not supported")]
    public void Malformed_truncated_or_unsupported_text_is_a_format_error_naming_it(string text, string? reason)
    {
        ValueChainFormatException error = Assert.Throws<ValueChainFormatException>(() => Cid.Parse(text));
        Assert.Equal(ErrorCodes.InvalidFormat, error.Code);
        Assert.Equal(text, error.Input);
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        if (reason is not null)
        {
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        }

        Assert.False(Cid.TryParse(text, out Cid? none));
        Assert.Null(none);
    }

    [Fact]
    public void Bytes_after_the_digest_or_a_non_minimal_varint_are_refused()
    {
        byte[] good = Cid.Parse(V1).ToBytes();
        Assert.Throws<ValueChainFormatException>(() => Cid.FromBytes([.. good, 0x00]));
        byte[] padded = [0x01, 0xF0, 0x00, .. good[2..]];
        Assert.Throws<ValueChainFormatException>(() => Cid.FromBytes(padded));
        Assert.Throws<ValueChainFormatException>(() => Cid.FromBytes(good.AsSpan(..^1)));
    }

    [Fact]
    public void Base32_and_base58_round_trip_for_all_inputs() =>
        Gen.Byte.Array[0, 80].Sample(bytes =>
        {
            Assert.Equal(bytes, BaseEncoding.DecodeBase32(BaseEncoding.EncodeBase32(bytes)));
            Assert.Equal(bytes, BaseEncoding.DecodeBase58(BaseEncoding.EncodeBase58(bytes)));
        });
}
