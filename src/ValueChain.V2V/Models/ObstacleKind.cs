namespace ValueChain.V2V;

/// <summary>What a vehicle detected. The numbers are the wire values of the canonical report and of the Solidity twin; 0 is no kind.</summary>
public enum ObstacleKind
{
    /// <summary>Debris or a lost load on the road.</summary>
    Debris = 1,

    /// <summary>A stopped or broken-down vehicle.</summary>
    StoppedVehicle = 2,

    /// <summary>An accident.</summary>
    Accident = 3,

    /// <summary>Roadworks.</summary>
    Roadworks = 4,

    /// <summary>An animal on the road.</summary>
    Animal = 5,

    /// <summary>A pedestrian or other person on the road.</summary>
    Pedestrian = 6,

    /// <summary>Any other obstacle.</summary>
    Other = 7,
}
