using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ValueChain.Storage.Ipfs.Kubo;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.Tests.Kubo;
using ValueChain.Testing;

namespace ValueChain.Storage.Ipfs.Tests;

/// <summary>The content store's health, as AddValueChainHealthChecks reports it: a root that reads and writes, a Kubo node that answers.</summary>
public sealed class ContentStoreHealthCheckTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_store_on_disk_whose_root_reads_and_writes_is_healthy_and_leaves_no_probe_behind()
    {
        using var dir = new TempDirectory();

        HealthReportEntry entry = await CheckAsync(o => o.Directory = dir.Path);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains("valuechain", entry.Tags);
        Assert.Empty(Directory.EnumerateFiles(dir.Path, ".health-*"));
    }

    [Fact]
    public async Task A_store_whose_root_is_gone_is_unhealthy_naming_the_root()
    {
        using var dir = new TempDirectory();
        using EmbeddedContentStore store = EmbeddedContentStore.Open(Path.Combine(dir.Path, "store"));
        Directory.Delete(store.Directory!, recursive: true);

        HealthCheckResult result = await new ContentStoreHealthCheck(store).CheckHealthAsync(new HealthCheckContext(), Cancel);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains(store.Directory!, result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Kubo_node_that_answers_is_healthy()
    {
        await using FakeKuboNode node = await FakeKuboNode.StartAsync();

        HealthReportEntry entry = await CheckAsync(o => o.UseKubo(node.Api.ToString()));

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(node.Api.ToString(), entry.Data["api"]);
    }

    [Fact]
    public async Task A_stopped_Kubo_node_is_unhealthy_naming_its_url()
    {
        var stopped = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        using KuboContentStore store = KuboContentStore.Connect(stopped);

        HealthCheckResult result = await new ContentStoreHealthCheck(store).CheckHealthAsync(new HealthCheckContext(), Cancel);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains($"The Kubo node at {store.Api} does not answer", result.Description, StringComparison.Ordinal);
    }

    private static async Task<HealthReportEntry> CheckAsync(Action<ContentStoreOptions> configure)
    {
        var services = new ServiceCollection();
        // The host's logging, which the health check service needs; nothing is logged here.
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddHealthChecks().AddValueChainHealthChecks();
        services.AddValueChain(vc => vc.UseLedgerDriver("test").UseContentStore(configure));
        await using ServiceProvider provider = services.BuildServiceProvider();
        HealthReport report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(Cancel);
        return report.Entries[ContentStoreHealthCheck.Name];
    }
}
