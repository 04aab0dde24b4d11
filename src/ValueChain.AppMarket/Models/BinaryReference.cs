namespace ValueChain.AppMarket;

/// <summary>
/// What a device needs to verify an app's binary without trusting the warehouse (as a TUF target): the content id
/// in the warehouse, the exact length in bytes and the SHA-256 of the bytes.
/// </summary>
/// <param name="Cid">The binary's content id in the warehouse (an IPFS CID).</param>
/// <param name="Length">The binary's length in bytes, above zero.</param>
/// <param name="Sha256">The SHA-256 of the binary.</param>
public sealed record BinaryReference(string Cid, long Length, Hash32 Sha256);
