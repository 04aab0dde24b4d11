using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ValueChain.Cryptography;
using ValueChain.Ledger.Ethereum.Tests.Contracts;
using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests;

// UseEthereum composes the driver; the host's start-up validation and node check run as a host runs them.
public sealed class UseEthereumTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("valuechain-di-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Missing_settings_fail_at_start_up_with_messages_naming_each_one()
    {
        using ServiceProvider provider = Build(o => (o.Confirmations, o.BatchRelease) = (-1, (BatchRelease)9));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("RpcUrl", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ChainId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Confirmations", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("BatchRelease", StringComparison.Ordinal));
    }

    [Fact]
    public void A_signer_and_a_keystore_together_or_a_missing_keystore_are_refused()
    {
        using ServiceProvider both = Build(o =>
        {
            Valid(o);
            o.Signer = new EthereumSigner(PrivateKey.Generate());
            o.KeystorePath = Path.Combine(_directory, "absent.json");
        });

        var error = Assert.Throws<OptionsValidationException>(() => both.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("not both", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("KeystorePassword", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_keystore_signer_deploys_through_the_manifest_after_the_node_check_passes()
    {
        var key = PrivateKey.Generate();
        string keystore = Path.Combine(_directory, "key.json");
        await File.WriteAllTextAsync(keystore, KeystoreV3.Encrypt(key, "correct horse", KeystoreOptions.Light), Cancel);
        await new JsonRpcClient(new HttpClient(), new JsonRpcOptions { Endpoint = anvil.Endpoint })
            .CallAsync("anvil_setBalance", [key.Address.ToLowerHex(), "0x56bc75e2d63100000"], Cancel);
        using ServiceProvider provider = Build(o =>
        {
            Valid(o);
            o.KeystorePath = keystore;
            o.KeystorePassword = "correct horse";
            o.ManifestPath = Path.Combine(_directory, "deployment.json");
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        foreach (IHostedService service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(Cancel);
        }

        EthereumClient client = provider.GetRequiredService<EthereumClient>();
        var (deployed, _) = await provider.GetRequiredService<ContractDeployer>().DeployAsync("Probe", ProbeSetup.ProbeBytecode, BindingsProbe.EncodeDeployment(3), BindingsProbe.Errors, Cancel);

        Assert.Equal(key.Address, client.Account);
        Assert.Equal(new UInt256(3), await new BindingsProbe(client, deployed.Address).CounterAsync(Cancel));
        Assert.True(File.Exists(Path.Combine(_directory, "deployment.json")));
    }

    [Fact]
    public async Task A_node_of_another_chain_fails_the_start()
    {
        using ServiceProvider provider = Build(o =>
        {
            Valid(o);
            o.ChainId = 1;
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var error = await Assert.ThrowsAsync<ConfigurationException>(async () =>
        {
            foreach (IHostedService service in provider.GetServices<IHostedService>())
            {
                await service.StartAsync(Cancel);
            }
        });

        Assert.Contains($"chain {AnvilNode.ChainId}", error.Message, StringComparison.Ordinal);
        Assert.Contains("ChainId is 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_development_node_ledger_time_control_moves_the_chain_s_time()
    {
        using ServiceProvider provider = Build(Valid);

        ILedgerTimeControl time = provider.GetRequiredService<ILedgerTimeControl>();
        DateTimeOffset before = await time.GetTimeAsync(Cancel);
        await time.AdvanceAsync(TimeSpan.FromHours(1), Cancel);

        Assert.IsType<DevChainTimeControl>(time);
        Assert.True(await time.GetTimeAsync(Cancel) >= before.AddHours(1));
    }

    [Theory]
    [InlineData("Geth/v1.14.11-stable/linux-amd64/go1.23.2")]
    [InlineData(null)]
    public void On_any_other_node_resolving_ledger_time_control_says_why_it_is_not_there(string? clientVersion)
    {
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc.UseEthereum(Valid));
        services.AddHttpClient(EthereumServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new ClientVersionNode(clientVersion));
        using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<ConfigurationException>(() => provider.GetRequiredService<ILedgerTimeControl>());

        Assert.Contains("development node", error.Message, StringComparison.Ordinal);
        Assert.Contains(clientVersion ?? "(no web3_clientVersion)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ethereum_and_a_second_driver_in_one_call_are_refused()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ConfigurationException>(() => services.AddValueChain(vc => vc.UseEthereum(Valid).UseLedgerDriver("in-memory")));

        Assert.Contains("ethereum", error.Message, StringComparison.Ordinal);
    }

    private void Valid(EthereumOptions options)
    {
        options.RpcUrl = anvil.Endpoint;
        options.ChainId = AnvilNode.ChainId;
    }

    // A node that answers web3_clientVersion only: with the given version, or with "method not found".
    private sealed class ClientVersionNode(string? version) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var body = System.Text.Json.JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            // The client sends single calls and batches (arrays); each call gets the one answer.
            bool batch = body.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array;
            string[] answers = [.. (batch ? body.RootElement.EnumerateArray().ToArray() : [body.RootElement]).Select(call => Answer(call.GetProperty("id").GetRawText()))];
            string answer = batch ? $"[{string.Join(",", answers)}]" : answers[0];
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(answer, System.Text.Encoding.UTF8, "application/json") };
        }

        private string Answer(string id) => version is null
            ? $$$"""{"jsonrpc":"2.0","id":{{{id}}},"error":{"code":-32601,"message":"the method web3_clientVersion does not exist"}}"""
            : $$"""{"jsonrpc":"2.0","id":{{id}},"result":"{{version}}"}""";
    }

    private static ServiceProvider Build(Action<EthereumOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc.UseEthereum(configure));
        return services.BuildServiceProvider();
    }
}
