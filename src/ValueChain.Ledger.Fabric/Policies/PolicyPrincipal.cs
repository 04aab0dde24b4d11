namespace ValueChain.Ledger.Fabric;

/// <summary>A principal of a signature policy: an MSP and a role, as in <c>'Org1MSP.peer'</c>.</summary>
/// <param name="MspId">The MSP id.</param>
/// <param name="Role">The role: member, admin, client, peer or orderer.</param>
public sealed record PolicyPrincipal(string MspId, EndorserRole Role)
{
    /// <summary>Whether an identity of <paramref name="endorser"/> satisfies this principal (any role is a member, as in Fabric's MSP).</summary>
    public bool IsSatisfiedBy(PolicyEndorser endorser)
    {
        ArgumentNullException.ThrowIfNull(endorser);
        return endorser.MspId == MspId && (Role == EndorserRole.Member || endorser.Role == Role);
    }

    /// <summary>The principal in Fabric's policy language.</summary>
    public override string ToString() => $"'{MspId}.{Role.ToString().ToLowerInvariant()}'";
}
