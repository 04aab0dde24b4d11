using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ValueChain.Traceability;

namespace ValueChain.Ledger.Fabric.Tests;

public sealed class UseFabricTests
{
    private static void Local(FabricOptions o)
    {
        o.Channel = "valuechain";
        o.Peers.Add(new FabricEndpoint { Address = "http://127.0.0.1:7051" });
        o.Orderer = new FabricEndpoint { Address = "http://127.0.0.1:7050" };
        o.MspId = "Org1MSP";
        o.CertificatePem = GoldenFiles.Read("client.crt.pem");
        o.Signer = GoldenFiles.ClientSigner();
    }

    [Fact]
    public void UseFabric_registers_the_client_gateway_wallet_and_time_control()
    {
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc.UseFabric(o =>
        {
            Local(o);
            o.ChaincodeNames["traceability"] = "traceability-7";
        }));
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.IsType<FabricContractGateway>(provider.GetRequiredService<IContractGateway>());
        Assert.IsType<FabricTimeControl>(provider.GetRequiredService<ILedgerTimeControl>());
        Assert.Equal("valuechain", provider.GetRequiredService<FabricClient>().Channel);
        Assert.Same(provider.GetRequiredService<IOptions<FabricOptions>>().Value.Wallet, provider.GetRequiredService<FabricWallet>());
    }

    [Fact]
    public void Traceability_composed_on_fabric_runs_its_chaincode_adapter_over_the_fabric_gateway()
    {
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc
            .UseFabric(Local)
            .AddTraceability(o => o.GenesisParticipants.Add(new Participant(GoldenFiles.ClientIdentity().Address, "OEM", ParticipantRole.Oem, true, DateTimeOffset.UnixEpoch, null))));
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.IsType<TraceabilityChaincodeAdapter>(provider.GetRequiredService<ITraceabilityContract>());
        Assert.IsType<FabricContractGateway>(provider.GetRequiredService<IContractGateway>());
    }

    [Fact]
    public void Missing_settings_fail_at_start_up_naming_each_one()
    {
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc.UseFabric(o => o.Peers.Add(new FabricEndpoint { Address = "grpc://peer" })));
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FabricOptions>>().Value);

        string all = string.Join("\n", error.Failures);
        foreach (string expected in new[] { "Channel", "grpc://peer", "MspId", "CertificatePem", "Signer", "Orderer" })
        {
            Assert.Contains(expected, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_second_ledger_driver_is_refused()
    {
        var services = new ServiceCollection();

        Assert.Throws<ConfigurationException>(() => services.AddValueChain(vc => vc.UseInMemoryLedger().UseFabric(_ => { })));
    }
}
