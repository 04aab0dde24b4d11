namespace ValueChain.V2V;

/// <summary>
/// Deployment settings of the obstacle map; every peer (and the Solidity twin's constructor) must use the same. Bound
/// from configuration by <c>AddV2V(IConfiguration)</c> and checked at start-up by <see cref="V2VOptionsValidator"/>.
/// </summary>
public sealed class V2VOptions
{
    /// <summary>The enrolment issuer that certifies trip addresses; no default.</summary>
    public Address Issuer { get; set; }

    /// <summary>The authorities: they read reports by reporter and around incidents, and exclude pseudonyms; at least one.</summary>
    public IList<Address> Authorities { get; } = [];

    /// <summary>How near a report must be to an obstacle (after prediction) to match it, in metres (default 25, at most 1000).</summary>
    public int MatchRadiusMetres { get; set; } = 25;

    /// <summary>How far apart in detection time a report and an obstacle's latest detection may be (default 5 minutes, whole milliseconds).</summary>
    public TimeSpan MatchWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an obstacle stays without a confirmation before it expires (default 600 s, a DENM's default validity; whole seconds).</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromSeconds(600);

    /// <summary>The side of a spatial index cell in microdegrees (default 2000, about 220 m of latitude); it must cover the match radius.</summary>
    public int CellSizeMicrodegrees { get; set; } = 2_000;

    /// <summary>The longest validity the issuer may give one trip certificate (default 24 hours).</summary>
    public TimeSpan MaxCertificateValidity { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many reports one batch may hold (default 256).</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>What a confirmation by another pseudonym adds to the first reporter's score (default 1).</summary>
    public int ConfirmationReward { get; set; } = 1;

    /// <summary>What an obstacle's expiry without a confirmation takes from its reporter's score (default 1).</summary>
    public int ExpiryPenalty { get; set; } = 1;

    /// <summary>What a negation of an unconfirmed obstacle takes from its reporter's score (default 2).</summary>
    public int ContradictionPenalty { get; set; } = 2;

    /// <summary>Reports of pseudonyms whose score is below this are flagged (default −3).</summary>
    public int FlagThreshold { get; set; } = -3;

    /// <summary>The matching rule's parameters.</summary>
    public MatchingRules Rules => new(MatchRadiusMetres, (long)MatchWindow.TotalMilliseconds);
}
