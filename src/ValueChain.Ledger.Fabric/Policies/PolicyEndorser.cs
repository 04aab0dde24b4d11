namespace ValueChain.Ledger.Fabric;

/// <summary>One identity that signed (or would sign) an endorsement: its MSP and role.</summary>
/// <param name="MspId">The MSP id.</param>
/// <param name="Role">Its role (a peer endorses as <see cref="EndorserRole.Peer"/>).</param>
public sealed record PolicyEndorser(string MspId, EndorserRole Role = EndorserRole.Peer);
