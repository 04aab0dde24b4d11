using ValueChain.Conformance.Traceability;
using ValueChain.Testing;

namespace ValueChain.Ledger.Fabric.Tests.Live;

/// <summary>The live network of the test run, with the suite's actors enrolled; null network when none is configured.</summary>
public sealed class LiveFabric : IAsyncLifetime
{
    public LiveFabricNetwork? Network { get; private set; }

    public static string SkipReason => LiveFabricSettings.SkipReason;

    public async ValueTask InitializeAsync()
    {
        if (LiveFabricSettings.FromEnvironment() is { } settings)
        {
            Network = await LiveFabricNetwork.StartAsync(settings);
            await Network.EnrollAsync(TraceabilityActors.All);
        }
    }

    /// <summary>The network; skips the calling test, with the reason, when there is none.</summary>
    public LiveFabricNetwork Require()
    {
        if (Network is null)
        {
            Assert.Skip(SkipReason);
        }

        return Network;
    }

    public async ValueTask DisposeAsync()
    {
        if (Network is not null)
        {
            await Network.DisposeAsync();
        }
    }
}
