using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ValueChain.Testing;
using static ValueChain.Conformance.Flexibility.FlexibilityActors;

namespace ValueChain.Flexibility.Ethereum.Tests;

// A host composes the flexibility market on Ethereum with options only: a manifest path (deployed on the first start
// from the application's options by the host's signer, a verifier; bound on the next) or the contracts' addresses.
public sealed class FlexibilityOnEthereumCompositionTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("valuechain-compose-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_manifest_path_deploys_on_the_first_start_and_binds_on_the_next()
    {
        await FundAsync();
        string manifest = Path.Combine(_folder, "flexibility.deployment.json");

        FlexibilityContracts deployed;
        await using (ServiceProvider first = Build(o => o.ManifestPath = manifest))
        {
            first.GetRequiredService<IStartupValidator>().Validate();
            IFlexibilityContract market = first.GetRequiredService<IFlexibilityContract>();
            Assert.IsType<FlexibilityEthereumAdapter>(market);
            FlexibilityReceipt receipt = await market.AddParticipantAsync(Tso, Dso.Address, MarketRole.Dso, "DSO", Cancel);
            Assert.Equal(FlexibilityChaincode.ChaincodeName, Assert.Single(receipt.Events).Chaincode);
            Assert.Equal(MarketRole.Dso, (await market.GetParticipantAsync(Dso.Address, Cancel))!.Role);
            deployed = first.GetRequiredService<FlexibilityContracts>();
        }

        Assert.True(File.Exists(manifest));
        await using ServiceProvider second = Build(o => o.ManifestPath = manifest);
        IFlexibilityContract bound = second.GetRequiredService<IFlexibilityContract>();

        Assert.Equal(deployed, second.GetRequiredService<FlexibilityContracts>()); // the same contracts, not a second deployment
        Assert.Equal(MarketRole.Dso, (await bound.GetParticipantAsync(Dso.Address, Cancel))!.Role);
        await bound.MintAsync(Tso, Dso.Address, 1_000, Cancel);
        Assert.Equal(new UInt256(1_000), await bound.BalanceOfAsync(Dso.Address, Cancel));
    }

    [Fact]
    public async Task Contract_addresses_bound_from_json_configuration_reach_the_deployed_contracts()
    {
        await FundAsync();
        FlexibilityContracts deployed;
        await using (ServiceProvider deploying = Build(o => o.ManifestPath = Path.Combine(_folder, "deploy.json")))
        {
            deployed = deploying.GetRequiredService<FlexibilityContracts>();
        }

        string json = $$"""{ "Flexibility": { "WhitelistAddress": "{{deployed.Whitelist}}", "TokenAddress": "{{deployed.Token}}", "PlatformAddress": "{{deployed.Platform}}" } }""";
        IConfiguration configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.Configure<FlexibilityOptions>(Market);
        services.AddValueChain(vc => vc.UseEthereum(Node).AddFlexibilityOnEthereum(configuration.GetSection("Flexibility")));
        await using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(deployed, provider.GetRequiredService<FlexibilityContracts>());
        Assert.Equal(MarketRole.Verifier, (await provider.GetRequiredService<IFlexibilityContract>().GetParticipantAsync(Tso.Address, Cancel))!.Role);
    }

    [Theory]
    [InlineData(null, null, null, "Set FlexibilityEthereumOptions.ManifestPath")]
    [InlineData("m.json", "0x0000000000000000000000000000000000000001", null, "not both")]
    [InlineData(null, "0x0000000000000000000000000000000000000001", null, "FlexibilityEthereumOptions.TokenAddress must be set")]
    [InlineData(null, "0x12", "0x0000000000000000000000000000000000000001", "FlexibilityEthereumOptions.WhitelistAddress must be a 0x-prefixed")]
    public void Invalid_options_fail_at_start_up_naming_the_setting(string? manifest, string? whitelist, string? token, string expected)
    {
        using ServiceProvider provider = Build(o => (o.ManifestPath, o.WhitelistAddress, o.TokenAddress, o.PlatformAddress) = (manifest, whitelist, token, token));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    // The application's own options, as AddFlexibility registers them (IOptions<FlexibilityOptions>).
    private static void Market(FlexibilityOptions options)
    {
        foreach (MarketParticipant verifier in Options().Verifiers)
        {
            options.Verifiers.Add(verifier);
        }
    }

    private void Node(EthereumOptions o) => (o.RpcUrl, o.ChainId, o.Signer, o.CheckNodeAtStart) = (anvil.Endpoint, AnvilNode.ChainId, Tso, false);

    private ServiceProvider Build(Action<FlexibilityEthereumOptions> configure)
    {
        var services = new ServiceCollection();
        services.Configure<FlexibilityOptions>(Market);
        services.AddValueChain(vc => vc.UseEthereum(Node).AddFlexibilityOnEthereum(configure));
        return services.BuildServiceProvider();
    }

    private async Task FundAsync()
    {
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        foreach (Cryptography.EthereumSigner actor in new[] { Tso, Dso, FleetOperator, OtherFleetOperator, Stranger })
        {
            await rpc.CallAsync("anvil_setBalance", [actor.Address.ToLowerHex(), "0x56bc75e2d63100000"], Cancel);
        }
    }
}
