namespace ValueChain.Flexibility;

/// <summary>
/// What the verifier needs from the market's state: the whitelisted meters and the nonces they used.
/// The chaincode answers from ledger state, an offline checker from its own copy; both run the same
/// <see cref="EtrVerifier"/>, so they accept the same records.
/// </summary>
public interface IMeterWhitelist
{
    /// <summary>True when <paramref name="meter"/> (an address, or a P-256 meter's id from <see cref="MeterIds"/>) is a whitelisted smart meter.</summary>
    ValueTask<bool> IsWhitelistedAsync(Address meter);

    /// <summary>The location a whitelisted OCMF meter is installed at (its records carry none), or null.</summary>
    ValueTask<Hash32?> LocationOfAsync(Address meter);

    /// <summary>True when <paramref name="meter"/> already used <paramref name="nonce"/> on this market.</summary>
    ValueTask<bool> IsNonceUsedAsync(Address meter, UInt256 nonce);
}
