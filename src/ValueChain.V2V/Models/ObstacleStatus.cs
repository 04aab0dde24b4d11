namespace ValueChain.V2V;

/// <summary>Where a mapped obstacle stands.</summary>
public enum ObstacleStatus
{
    /// <summary>On the map: new reports may match it.</summary>
    Active = 1,

    /// <summary>Removed after the expiry time without a confirmation.</summary>
    Expired = 2,

    /// <summary>Removed because another vehicle reported it gone (a DENM-style negation).</summary>
    Negated = 3,
}
