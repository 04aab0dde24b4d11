namespace ValueChain.Flexibility;

/// <summary>What the verifier needs from the market's state: the whitelisted meters and the nonces they used.</summary>
public interface IMeterWhitelist
{
    /// <summary>True when <paramref name="meter"/> (an address, or a P-256 meter's id from <see cref="MeterIds"/>) is a whitelisted smart meter.</summary>
    bool IsWhitelisted(Address meter);

    /// <summary>The location a whitelisted OCMF meter is installed at (its records carry none), or null.</summary>
    Hash32? LocationOf(Address meter);

    /// <summary>True when <paramref name="meter"/> already used <paramref name="nonce"/> on this market.</summary>
    bool IsNonceUsed(Address meter, UInt256 nonce);
}
