using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests;

// AddValueChainHealthChecks adds the driver's check to the host's health checks; run as a host's probe runs them.
public sealed class EthereumHealthCheckTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reachable_node_on_the_configured_chain_is_healthy_with_its_head()
    {
        HealthReportEntry entry = await CheckAsync(o => (o.RpcUrl, o.ChainId) = (anvil.Endpoint, AnvilNode.ChainId));

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(AnvilNode.ChainId, entry.Data["chainId"]);
        Assert.IsType<ulong>(entry.Data["head"]);
        Assert.Contains("valuechain", entry.Tags);
    }

    [Fact]
    public async Task A_node_on_another_chain_is_unhealthy_naming_both_chains()
    {
        HealthReportEntry entry = await CheckAsync(o => (o.RpcUrl, o.ChainId) = (anvil.Endpoint, 5));

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("serves chain 31337, but ChainId is 5", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_node_is_unhealthy_naming_its_url()
    {
        var stopped = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");

        HealthReportEntry entry = await CheckAsync(o => (o.RpcUrl, o.ChainId, o.RequestTimeout) = (stopped, AnvilNode.ChainId, TimeSpan.FromSeconds(2)));

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains(stopped.ToString(), entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_that_stays_the_same_longer_than_allowed_is_degraded_until_a_block_arrives()
    {
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc.UseEthereum(o => (o.RpcUrl, o.ChainId, o.HeadStallAfter) = (anvil.Endpoint, AnvilNode.ChainId, TimeSpan.FromMilliseconds(50))));
        services.AddHealthChecks().AddValueChainHealthChecks();
        await using ServiceProvider provider = services.BuildServiceProvider();
        HealthCheckService health = provider.GetRequiredService<HealthCheckService>();

        HealthReport first = await health.CheckHealthAsync(Cancel);
        await Task.Delay(100, Cancel);
        HealthReport stalled = await health.CheckHealthAsync(Cancel);
        await provider.GetRequiredService<JsonRpcClient>().CallAsync("evm_mine", [], Cancel);
        HealthReport moved = await health.CheckHealthAsync(Cancel);

        Assert.Equal(HealthStatus.Healthy, first.Status);
        Assert.Equal(HealthStatus.Degraded, stalled.Status);
        Assert.Contains("HeadStallAfter", stalled.Entries[EthereumHealthCheck.Name].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, moved.Status);
    }

    private static async Task<HealthReportEntry> CheckAsync(Action<EthereumOptions> configure)
    {
        var services = new ServiceCollection();
        // The order does not matter: the health checks are added before the driver here.
        services.AddHealthChecks().AddValueChainHealthChecks();
        services.AddValueChain(vc => vc.UseEthereum(configure));
        await using ServiceProvider provider = services.BuildServiceProvider();
        HealthReport report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(Cancel);
        return Assert.Single(report.Entries, e => e.Key == EthereumHealthCheck.Name).Value;
    }
}
