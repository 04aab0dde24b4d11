namespace ValueChain.Flexibility;

/// <summary>What the verifier needs from the market's state: the whitelisted meters and the nonces they used.</summary>
public interface IMeterWhitelist
{
    /// <summary>True when <paramref name="meter"/> is a whitelisted smart meter.</summary>
    bool IsWhitelisted(Address meter);

    /// <summary>True when <paramref name="meter"/> already used <paramref name="nonce"/> on this market.</summary>
    bool IsNonceUsed(Address meter, UInt256 nonce);
}
