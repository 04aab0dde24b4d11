namespace ValueChain.Conformance;

/// <summary>
/// The drivers the application suites run on: every suite on the embedded ledger, anvil and live Fabric; the
/// suites named in the conformance matrix also on other Ethereum nodes.
/// </summary>
public enum ConformanceDriver
{
    /// <summary>The embedded ledger, in process.</summary>
    Embedded,

    /// <summary>Ethereum, on an anvil node the test starts (the application's Solidity twin).</summary>
    Anvil,

    /// <summary>A live Hyperledger Fabric network (skipped, with the reason, when none is configured).</summary>
    LiveFabric,

    /// <summary>Ethereum, on a hardhat 3 node the test starts (hardhat's default hardfork).</summary>
    Hardhat,

    /// <summary>Ethereum, on a hardhat 3 node configured for Shanghai, with the contracts built for Shanghai.</summary>
    ShanghaiHardhat,
}
