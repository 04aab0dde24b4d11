using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ValueChain.Testing;
using static ValueChain.Conformance.Traceability.TraceabilityActors;

namespace ValueChain.Traceability.Ethereum.Tests;

// A host composes Traceability on Ethereum with options only: a manifest path (deployed on the first start from the
// application's options, bound on the next) or the contracts' addresses, from code or from configuration.
public sealed class TraceabilityOnEthereumCompositionTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("valuechain-compose-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_manifest_path_deploys_on_the_first_start_and_binds_on_the_next()
    {
        await FundAsync();
        string manifest = Path.Combine(_folder, "traceability.deployment.json");

        TraceabilityContracts deployed;
        await using (ServiceProvider first = Build(o => o.ManifestPath = manifest))
        {
            first.GetRequiredService<IStartupValidator>().Validate();
            ITraceabilityContract chain = first.GetRequiredService<ITraceabilityContract>();
            Assert.IsType<TraceabilityEthereumAdapter>(chain);
            TraceabilityReceipt receipt = await chain.RegisterPartsAsync(Tier2a, [new PartRegistration("DI-1", "PN-SENSOR", "B-1")], Plant, Cancel);
            Assert.Equal(TraceabilityChaincode.ChaincodeName, Assert.Single(receipt.Events).Chaincode);
            Assert.Equal(Tier2a.Address, (await chain.GetPartAsync("DI-1", Cancel))!.Owner);
            deployed = first.GetRequiredService<TraceabilityContracts>();
        }

        Assert.True(File.Exists(manifest));
        await using ServiceProvider second = Build(o => o.ManifestPath = manifest);
        ITraceabilityContract bound = second.GetRequiredService<ITraceabilityContract>();

        Assert.Equal(deployed, second.GetRequiredService<TraceabilityContracts>()); // the same contracts, not a second deployment
        Assert.Equal(Tier2a.Address, (await bound.GetPartAsync("DI-1", Cancel))!.Owner);
        await bound.RegisterPartsAsync(Tier2b, [new PartRegistration("DI-2", "PN-SENSOR", "B-2")], Plant, Cancel);
        Assert.Equal(Tier2b.Address, (await bound.GetPartAsync("DI-2", Cancel))!.Owner);
    }

    [Fact]
    public async Task Contract_addresses_bound_from_json_configuration_reach_the_deployed_contracts()
    {
        await FundAsync();
        TraceabilityContracts deployed;
        await using (ServiceProvider deploying = Build(o => o.ManifestPath = Path.Combine(_folder, "deploy.json")))
        {
            deployed = deploying.GetRequiredService<TraceabilityContracts>();
            await deploying.GetRequiredService<ITraceabilityContract>().RegisterPartsAsync(Tier2a, [new PartRegistration("CFG-1", "PN-SENSOR", "B-1")], Plant, Cancel);
        }

        string json = $$"""{ "Traceability": { "ContractAddress": "{{deployed.Traceability}}", "CorrectionsAddress": "{{deployed.Corrections}}", "DeploymentBlock": {{deployed.DeploymentBlock}} } }""";
        IConfiguration configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.Configure<TraceabilityOptions>(Genesis);
        services.AddValueChain(vc => vc.UseEthereum(Node).AddTraceabilityOnEthereum(configuration.GetSection("Traceability")));
        await using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(deployed, provider.GetRequiredService<TraceabilityContracts>());
        Assert.Equal(Tier2a.Address, (await provider.GetRequiredService<ITraceabilityContract>().GetPartAsync("CFG-1", Cancel))!.Owner);
    }

    [Theory]
    [InlineData(null, null, null, "Set TraceabilityEthereumOptions.ManifestPath")]
    [InlineData("m.json", "0x0000000000000000000000000000000000000001", null, "not both")]
    [InlineData(null, "0x0000000000000000000000000000000000000001", null, "TraceabilityEthereumOptions.CorrectionsAddress must be set")]
    [InlineData(null, "not an address", "0x0000000000000000000000000000000000000001", "TraceabilityEthereumOptions.ContractAddress must be a 0x-prefixed")]
    [InlineData(" ", null, null, "TraceabilityEthereumOptions.ManifestPath must be a file path")]
    public void Invalid_options_fail_at_start_up_naming_the_setting(string? manifest, string? contract, string? corrections, string expected)
    {
        using ServiceProvider provider = Build(o => (o.ManifestPath, o.ContractAddress, o.CorrectionsAddress) = (manifest, contract, corrections));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    // The application's own options, as AddTraceability registers them (IOptions<TraceabilityOptions>).
    private static void Genesis(TraceabilityOptions options)
    {
        TraceabilityOptions cast = Options();
        (options.InvitationApprovals, options.LateTolerance) = (cast.InvitationApprovals, cast.LateTolerance);
        foreach (Participant participant in cast.GenesisParticipants)
        {
            options.GenesisParticipants.Add(participant);
        }
    }

    private void Node(EthereumOptions o) => (o.RpcUrl, o.ChainId, o.Signer, o.CheckNodeAtStart) = (anvil.Endpoint, AnvilNode.ChainId, Oem, false);

    private ServiceProvider Build(Action<TraceabilityEthereumOptions> configure)
    {
        var services = new ServiceCollection();
        services.Configure<TraceabilityOptions>(Genesis);
        services.AddValueChain(vc => vc.UseEthereum(Node).AddTraceabilityOnEthereum(configure));
        return services.BuildServiceProvider();
    }

    private async Task FundAsync()
    {
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        foreach (Cryptography.EthereumSigner actor in All)
        {
            await rpc.CallAsync("anvil_setBalance", [actor.Address.ToLowerHex(), "0x56bc75e2d63100000"], Cancel);
        }
    }
}
