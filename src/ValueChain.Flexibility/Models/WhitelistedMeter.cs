namespace ValueChain.Flexibility;

/// <summary>A whitelisted smart meter: by address (EIP-712 records) or by P-256 key (OCMF records, id from <see cref="MeterIds"/>).</summary>
/// <param name="MeterId">The meter's address, or its P-256 key's id.</param>
/// <param name="P256PublicKey">The 65-byte uncompressed P-256 key of an OCMF meter as 0x-hex, or null.</param>
/// <param name="Location">Where an OCMF meter is installed (its records carry no location), or null.</param>
public sealed record WhitelistedMeter(Address MeterId, string? P256PublicKey, Hash32? Location);
