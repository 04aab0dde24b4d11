namespace ValueChain.Ledger.Fabric;

/// <summary>The roles of Fabric's MSP principals (msp_principal.proto's MSPRole).</summary>
public enum EndorserRole
{
    /// <summary>Any identity of the MSP.</summary>
    Member = 0,

    /// <summary>An admin of the MSP.</summary>
    Admin = 1,

    /// <summary>A client identity (NodeOUs).</summary>
    Client = 2,

    /// <summary>A peer identity (NodeOUs).</summary>
    Peer = 3,

    /// <summary>An orderer identity (NodeOUs).</summary>
    Orderer = 4,
}
