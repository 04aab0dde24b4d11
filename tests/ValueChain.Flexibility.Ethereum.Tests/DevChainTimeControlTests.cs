using ValueChain.Flexibility.Ethereum.Contracts;
using ValueChain.Testing;

namespace ValueChain.Flexibility.Ethereum.Tests;

public sealed class DevChainTimeControlTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Advancing_moves_the_time_contracts_see_without_waiting()
    {
        FlexibilitySetup market = await FlexibilitySetup.DeployAsync(anvil, _http, funded: false);
        var time = new DevChainTimeControl(market.Verifier.Rpc);
        DateTimeOffset before = await time.GetTimeAsync(Cancel);
        FlexPlatform.PhaseAtOutput phaseBefore = await market.Platform(market.Verifier).PhaseAtAsync((ulong)before.ToUnixTimeSeconds(), Cancel);

        await time.AdvanceAsync(TimeSpan.FromMinutes(15) + TimeSpan.FromMilliseconds(1), Cancel); // one market round, rounded up to 901 s
        DateTimeOffset after = await time.GetTimeAsync(Cancel);
        FlexPlatform.PhaseAtOutput phaseAfter = await market.Platform(market.Verifier).PhaseAtAsync((ulong)after.ToUnixTimeSeconds(), Cancel);

        Assert.InRange((after - before).TotalSeconds, 901, 901 + 30); // plus whatever wall time the calls took
        Assert.True(phaseAfter.Round > phaseBefore.Round);
        Assert.Equal((ulong)after.ToUnixTimeSeconds() / 900, phaseAfter.Round); // the contract sees the moved time
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => time.AdvanceAsync(TimeSpan.FromSeconds(-1), Cancel));
        Assert.Equal(after, await time.GetTimeAsync(Cancel)); // nothing moved
    }
}
