namespace ValueChain.Ledger.Fabric.Tests.Live;

/// <summary>The live test classes share one chaincode server (the peer reaches it at one address) and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class LiveFabricGroup : ICollectionFixture<LiveFabric>
{
    public const string Name = "live Fabric network";
}
