using Microsoft.Extensions.DependencyInjection;
using ValueChain.Flexibility;
using ValueChain.Ledger.Ethereum.Flexibility;
using ValueChain.Ledger.Ethereum.Traceability;
using ValueChain.Testing;
using ValueChain.Traceability;
using static ValueChain.Conformance.Traceability.TraceabilityActors;

namespace ValueChain.Ledger.Ethereum.Tests;

// A host composes the applications on Ethereum as on any driver: AddTraceability/AddFlexibility and the
// contracts' addresses; the ports resolve to the Solidity adapters, whatever the order of the calls.
public sealed class ApplicationsOnEthereumCompositionTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    [Fact]
    public async Task The_ports_resolve_to_the_ethereum_adapters_and_work_through_them()
    {
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        foreach (Cryptography.EthereumSigner actor in All)
        {
            await rpc.CallAsync("anvil_setBalance", [actor.Address.ToLowerHex(), "0x56bc75e2d63100000"], TestContext.Current.CancellationToken);
        }

        EthereumClient oem = await ProbeSetup.FundedClientAsync(anvil, http, key: null);
        string folder = Directory.CreateTempSubdirectory("valuechain-compose-").FullName;
        try
        {
            using var deployer = new ContractDeployer(oem, Path.Combine(folder, "deployment.json"), AnvilNode.ChainId);
            TraceabilityContracts partChain = await TraceabilityContracts.DeployAsync(oem, deployer, Options(), TestContext.Current.CancellationToken);
            var services = new ServiceCollection();
            services.AddValueChain(vc => vc
                .UseEthereum(o => (o.RpcUrl, o.ChainId) = (anvil.Endpoint, AnvilNode.ChainId))
                .AddTraceabilityOnEthereum(partChain) // before AddTraceability: still the Ethereum adapter
                .AddTraceability(o =>
                {
                    foreach (Participant genesis in Options().GenesisParticipants)
                    {
                        o.GenesisParticipants.Add(genesis);
                    }
                })
                .AddFlexibility(o => o.Verifiers.Add(new MarketParticipant(Oem.Address, MarketRole.Verifier, "TSO")))
                .AddFlexibilityOnEthereum(new FlexibilityContracts(Address.Zero, Address.Zero, Address.Zero)));
            await using ServiceProvider provider = services.BuildServiceProvider();

            ITraceabilityContract chain = provider.GetRequiredService<ITraceabilityContract>();
            await new TraceabilityClient(chain, Tier2a).RegisterPartsAsync([new PartRegistration("DI-1", "PN-SENSOR", "B-1")], Plant, TestContext.Current.CancellationToken);

            Assert.IsType<TraceabilityEthereumAdapter>(chain);
            Assert.IsType<FlexibilityEthereumAdapter>(provider.GetRequiredService<IFlexibilityContract>());
            Assert.Equal(Tier2a.Address, (await chain.GetPartAsync("DI-1", TestContext.Current.CancellationToken))!.Owner);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
