namespace ValueChain.Storage.Ipfs.Multiformats;

/// <summary>The multibase encodings a <see cref="Cid"/> can be written in.</summary>
public enum Multibase
{
    /// <summary>RFC 4648 base32, lower case, no padding; prefix 'b' (the CIDv1 default).</summary>
    Base32Lower,

    /// <summary>Bitcoin's base58; prefix 'z' for CIDv1, no prefix for CIDv0.</summary>
    Base58Btc,
}
