namespace ValueChain.Traceability;

/// <summary>Deployment settings of the PartChain chaincode; every peer must use the same.</summary>
public sealed class TraceabilityOptions
{
    /// <summary>How many distinct admins must approve an invitation (default 1).</summary>
    public int InvitationApprovals { get; set; } = 1;

    /// <summary>How late after the requested delivery date a receipt is still accepted (default one day).</summary>
    public TimeSpan LateTolerance { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The participants the network starts with (at least one admin).</summary>
    public IList<Participant> GenesisParticipants { get; } = [];
}
