namespace ValueChain.Conformance;

/// <summary>The drivers every application suite runs on.</summary>
public enum ConformanceDriver
{
    /// <summary>The embedded ledger, in process.</summary>
    Embedded,

    /// <summary>Ethereum, on an anvil node the test starts (the application's Solidity twin).</summary>
    Anvil,

    /// <summary>A live Hyperledger Fabric network (skipped, with the reason, when none is configured).</summary>
    LiveFabric,
}
