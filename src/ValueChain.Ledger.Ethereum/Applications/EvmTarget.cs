namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// The EVM version an application's contracts are compiled for, chosen to match the chain they are deployed on.
/// The applications' rules are the same on both: no rule relies on transient storage.
/// </summary>
public enum EvmTarget
{
    /// <summary>Cancun (2024) and later: Ethereum mainnet, its testnets and current development nodes. The default.</summary>
    Cancun,

    /// <summary>Shanghai (2023): older consortium chains (Besu, Quorum, geth forks) without transient storage, MCOPY or blobs.</summary>
    Shanghai,
}
