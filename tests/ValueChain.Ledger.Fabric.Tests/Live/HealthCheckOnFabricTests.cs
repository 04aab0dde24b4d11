using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ValueChain.Conformance.Ledger;
using ValueChain.Ledger.Fabric.Testing;

namespace ValueChain.Ledger.Fabric.Tests.Live;

/// <summary>
/// <see cref="FabricHealthCheck"/> against the live network's real peers: a deployed chaincode is Healthy with its
/// definition, an undefined one and a channel the peers have not joined are Unhealthy with the peer's reason.
/// Skipped, with the reason, when no network is configured.
/// </summary>
[Collection(LiveFabricGroup.Name)]
public sealed class HealthCheckOnFabricTests(LiveFabric fabric)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deployed_chaincode_on_the_networks_channel_is_healthy_with_its_definition()
    {
        LiveFabricNetwork network = fabric.Require();
        await using FabricClient client = network.NewClient();
        string name = await network.DeployAsync(client, new ConformanceChaincode());

        HealthCheckResult result = await CheckAsync(client, network.Settings.Channel, name);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.True((long)result.Data["head"] > 0);
        Assert.StartsWith("sequence 1, version ", (string)result.Data[$"chaincode:{name}"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chaincode_that_is_not_defined_is_unhealthy_naming_it()
    {
        LiveFabricNetwork network = fabric.Require();
        await using FabricClient client = network.NewClient();
        string name = $"undefined-{Guid.NewGuid():N}";

        HealthCheckResult result = await CheckAsync(client, network.Settings.Channel, name);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains($"chaincode '{name}'", result.Description, StringComparison.Ordinal);
        Assert.Contains(name, result.Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_the_peers_have_not_joined_is_unhealthy_naming_it()
    {
        LiveFabricNetwork network = fabric.Require();
        var options = new FabricClientOptions { Channel = "no-such-channel", Orderer = network.Settings.Orderer };
        options.Peers.Add(network.Settings.Peers[0].Endpoint);
        await using var client = new FabricClient(options, network.Admin, network.AdminSigner);

        HealthCheckResult result = await CheckAsync(client, "no-such-channel", ConformanceChaincode.ChaincodeName);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("'no-such-channel'", result.Description, StringComparison.Ordinal);
        Assert.Contains(network.Settings.Peers[0].Endpoint.Address, result.Description, StringComparison.Ordinal);
    }

    private static Task<HealthCheckResult> CheckAsync(FabricClient client, string channel, string deployedName)
    {
        var options = new FabricOptions { Channel = channel };
        options.ChaincodeNames[ConformanceChaincode.ChaincodeName] = deployedName;
        var check = new FabricHealthCheck(client, Options.Create(options), [new ConformanceChaincode()]);
        return check.CheckHealthAsync(new HealthCheckContext(), Cancel);
    }
}
