using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>The embedded ledger's health: open, not corrupted, and what the last verification said.</summary>
public sealed class InMemoryLedgerHealthCheckTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddValueChainHealthChecks_adds_the_embedded_ledger_which_is_healthy_when_open_with_its_height()
    {
        var services = new ServiceCollection();
        // The host's logging, which the health check service needs; nothing is logged here.
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddHealthChecks().AddValueChainHealthChecks();
        services.AddValueChain(vc => vc.UseInMemoryLedger(o => (o.NetworkId, o.Membership) = ("health-test", MembershipMode.Open)));
        await using ServiceProvider provider = services.BuildServiceProvider();

        HealthReport report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(Cancel);

        HealthReportEntry entry = report.Entries[InMemoryLedgerHealthCheck.Name];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("health-test", entry.Data["networkId"]);
        Assert.Equal(1L, entry.Data["height"]);
        Assert.Contains("valuechain", entry.Tags);
    }

    [Fact]
    public async Task A_verified_ledger_is_healthy_and_says_how_many_blocks_verified()
    {
        await using InMemoryLedger ledger = TestLedgers.Open();
        await ledger.SubmitAsync(TestLedgers.Members[1], TestLedgers.Put("k", "v"), Cancel);
        await ledger.VerifyAsync(Cancel);

        HealthCheckResult result = await CheckAsync(ledger);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(2L, result.Data["blocksVerified"]);
    }

    [Fact]
    public async Task A_closed_ledger_is_unhealthy_saying_so()
    {
        InMemoryLedger ledger = TestLedgers.Open();
        await ledger.DisposeAsync();

        HealthCheckResult result = await CheckAsync(ledger);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("is closed", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ledger_whose_verification_found_a_bad_block_is_unhealthy_naming_the_block()
    {
        await using InMemoryLedger ledger = TestLedgers.Open();
        await ledger.SubmitAsync(TestLedgers.Members[1], TestLedgers.Put("k", "v1"), Cancel);
        await ledger.SubmitAsync(TestLedgers.Members[1], TestLedgers.Put("k", "v2"), Cancel);
        LedgerBlock block = ledger.GetBlock(1)!;
        SignedTransaction original = block.Transactions[0];
        LedgerTransaction t = original.Transaction;
        var altered = original with { Transaction = new LedgerTransaction(t.NetworkId, t.Sender, t.Nonce, t.Invocation with { ArgumentsJson = t.Invocation.ArgumentsJson.Replace("v1", "v9", StringComparison.Ordinal) }) };
        ledger.Store.ReplaceForTesting(1, block with { Transactions = [altered] });
        Assert.False((await ledger.VerifyAsync(Cancel)).IsValid);

        HealthCheckResult result = await CheckAsync(ledger);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("is corrupted: block 1 does not verify", result.Description, StringComparison.Ordinal);
    }

    private static Task<HealthCheckResult> CheckAsync(InMemoryLedger ledger) =>
        new InMemoryLedgerHealthCheck(ledger).CheckHealthAsync(new HealthCheckContext(), Cancel);
}
