using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ValueChain.Testing;
using ValueChain.Traceability;

namespace ValueChain.Ledger.Fabric.Tests.Health;

// AddValueChainHealthChecks adds the Fabric driver's check; run as a host's probe runs it, against a peer answering over gRPC.
public sealed class FabricHealthCheckTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_peer_on_the_channel_with_the_chaincode_defined_is_healthy_with_its_head_and_definition()
    {
        await using AnsweringPeer peer = await AnsweringPeer.StartAsync("valuechain", "traceability");

        HealthReportEntry entry = await CheckAsync(o => Connect(o, peer.Address));

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(7L, entry.Data["head"]);
        Assert.Equal("sequence 3, version 1.2", entry.Data["chaincode:traceability"]);
        Assert.Equal(["QueryChaincodeDefinition(traceability)"], peer.State.Queried);
        Assert.Contains("valuechain", entry.Tags);
    }

    [Fact]
    public async Task A_peer_that_has_not_joined_the_channel_is_unhealthy_naming_the_channel_and_the_peer()
    {
        await using AnsweringPeer peer = await AnsweringPeer.StartAsync("valuechain", "traceability");

        HealthReportEntry entry = await CheckAsync(o =>
        {
            Connect(o, peer.Address);
            o.Channel = "other";
        });

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("the peer has no channel 'other' (NOT_FOUND)", entry.Description, StringComparison.Ordinal);
        Assert.Contains(peer.Address, entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_peer_is_unhealthy_naming_its_address()
    {
        string stopped = $"http://127.0.0.1:{LoopbackPort.Free()}";

        HealthReportEntry entry = await CheckAsync(o => Connect(o, stopped));

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains(stopped, entry.Description, StringComparison.Ordinal);
        Assert.IsType<FabricConnectionException>(entry.Exception);
    }

    [Fact]
    public async Task A_chaincode_without_a_definition_on_the_channel_is_unhealthy_with_the_peers_reason()
    {
        await using AnsweringPeer peer = await AnsweringPeer.StartAsync("valuechain", "flexibility");

        HealthReportEntry entry = await CheckAsync(o => Connect(o, peer.Address));

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("chaincode 'traceability' on channel 'valuechain'", entry.Description, StringComparison.Ordinal);
        Assert.Contains("namespace traceability is not defined", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_definition_is_looked_up_under_the_name_the_chaincode_is_deployed_under()
    {
        await using AnsweringPeer peer = await AnsweringPeer.StartAsync("valuechain", "traceability-7");

        HealthReportEntry entry = await CheckAsync(o =>
        {
            Connect(o, peer.Address);
            o.ChaincodeNames["traceability"] = "traceability-7";
        });

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(["QueryChaincodeDefinition(traceability-7)"], peer.State.Queried);
    }

    [Fact]
    public async Task Another_configured_peer_that_does_not_answer_degrades_the_check_naming_it()
    {
        await using AnsweringPeer peer = await AnsweringPeer.StartAsync("valuechain", "traceability");
        string stopped = $"http://127.0.0.1:{LoopbackPort.Free()}";

        HealthReportEntry entry = await CheckAsync(o =>
        {
            Connect(o, peer.Address);
            o.Peers.Add(new FabricEndpoint { Address = stopped });
        });

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains(stopped, entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_that_stays_the_same_longer_than_HeadStallAfter_is_degraded_until_it_moves()
    {
        await using AnsweringPeer peer = await AnsweringPeer.StartAsync("valuechain", "traceability");
        ServiceCollection services = [];
        services.AddLogging();
        services.AddValueChain(vc => vc.UseFabric(o =>
        {
            Connect(o, peer.Address);
            o.HeadStallAfter = TimeSpan.FromMilliseconds(50);
        }).AddTraceability(Genesis));
        services.AddHealthChecks().AddValueChainHealthChecks();
        await using ServiceProvider provider = services.BuildServiceProvider();
        HealthCheckService health = provider.GetRequiredService<HealthCheckService>();

        HealthReport first = await health.CheckHealthAsync(Cancel);
        await Task.Delay(100, Cancel);
        HealthReport stalled = await health.CheckHealthAsync(Cancel);
        peer.State.Head++;
        HealthReport moved = await health.CheckHealthAsync(Cancel);

        Assert.Equal(HealthStatus.Healthy, first.Status);
        Assert.Equal(HealthStatus.Degraded, stalled.Status);
        Assert.Contains("HeadStallAfter", stalled.Entries[FabricHealthCheck.Name].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, moved.Status);
    }

    private static void Connect(FabricOptions o, string peer)
    {
        o.Channel = "valuechain";
        o.Peers.Add(new FabricEndpoint { Address = peer });
        o.Orderer = new FabricEndpoint { Address = $"http://127.0.0.1:{LoopbackPort.Free()}" };
        o.MspId = "Org1MSP";
        o.CertificatePem = GoldenFiles.Read("client.crt.pem");
        o.Signer = GoldenFiles.ClientSigner();
    }

    private static void Genesis(TraceabilityOptions o) =>
        o.GenesisParticipants.Add(new Participant(GoldenFiles.ClientIdentity().Address, "OEM", ParticipantRole.Oem, true, DateTimeOffset.UnixEpoch, null));

    private static async Task<HealthReportEntry> CheckAsync(Action<FabricOptions> configure)
    {
        ServiceCollection services = [];
        services.AddLogging();
        services.AddHealthChecks().AddValueChainHealthChecks();
        services.AddValueChain(vc => vc.UseFabric(configure).AddTraceability(Genesis));
        await using ServiceProvider provider = services.BuildServiceProvider();
        HealthReport report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(Cancel);
        return Assert.Single(report.Entries, e => e.Key == FabricHealthCheck.Name).Value;
    }
}
