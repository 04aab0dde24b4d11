namespace ValueChain.Traceability;

/// <summary>
/// Deployment settings of the traceability chaincode; every peer must use the same. Bound from configuration
/// by <c>AddTraceability(IConfiguration)</c> and checked at start-up by <see cref="TraceabilityOptionsValidator"/>.
/// </summary>
public sealed class TraceabilityOptions
{
    /// <summary>How many distinct admins must approve an invitation or an ownership correction (default 1).</summary>
    public int InvitationApprovals { get; set; } = 1;

    /// <summary>How late after the requested delivery date a receipt is still accepted (default one day).</summary>
    public TimeSpan LateTolerance { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The private data collection for order and delivery details (default "traceabilityDetails"): on a ledger with
    /// private data whose deployment declares a collection of this name (on Fabric, in the chaincode definition's
    /// collection configuration, with the parties' organisations as members), the orders, deliveries and each
    /// party's order index are kept there, so that only the member organisations' peers store them and every other
    /// peer holds their hashes; elsewhere they stay in world state. Reads are restricted to the order's parties
    /// either way.
    /// </summary>
    public string DetailsCollection { get; set; } = "traceabilityDetails";

    /// <summary>
    /// The participants the network starts with; no default: at least one must be an admin, who then invites
    /// the others. Genesis participants are active (no <see cref="Participant.RevokedAt"/>) and joined at the
    /// Unix epoch on every ledger, whatever <see cref="Participant.JoinedAt"/> says.
    /// </summary>
    public IList<Participant> GenesisParticipants { get; } = [];
}
