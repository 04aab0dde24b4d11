using ValueChain.Ledger.Ethereum.Tests.Contracts;
using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests;

public sealed class DeploymentTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private readonly HttpClient _http = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("valuechain-deploy-").FullName;

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string ManifestPath => Path.Combine(_directory, "deployment.json");

    [Fact]
    public async Task A_second_run_reuses_the_manifest_and_a_changed_argument_deploys_again()
    {
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http);
        using var deployer = new ContractDeployer(client, ManifestPath, AnvilNode.ChainId);

        var (first, firstDeployed) = await deployer.DeployAsync("Probe", ProbeSetup.ProbeBytecode, BindingsProbe.EncodeDeployment(7), BindingsProbe.Errors, Cancel);
        using var again = new ContractDeployer(client, ManifestPath, AnvilNode.ChainId);
        var (second, secondDeployed) = await again.DeployAsync("Probe", ProbeSetup.ProbeBytecode, BindingsProbe.EncodeDeployment(7), BindingsProbe.Errors, Cancel);
        var (changed, changedDeployed) = await again.DeployAsync("Probe", ProbeSetup.ProbeBytecode, BindingsProbe.EncodeDeployment(8), BindingsProbe.Errors, Cancel);
        DeploymentManifest manifest = DeploymentManifest.Load(ManifestPath)!;

        Assert.True(firstDeployed);
        Assert.False(secondDeployed);
        Assert.Equal(first, second);
        Assert.True(changedDeployed);
        Assert.NotEqual(first.Address, changed.Address);
        Assert.Equal(AnvilNode.ChainId, manifest.ChainId);
        Assert.Equal(changed, manifest.Contracts["Probe"]);
        Assert.Equal(new UInt256(8), await new BindingsProbe(client, changed.Address).CounterAsync(Cancel));
    }

    [Fact]
    public async Task A_manifest_entry_whose_address_has_no_code_is_deployed_again()
    {
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http);
        Address empty = Cryptography.PrivateKey.Generate().Address;
        Hash32 codeHash = Keccak256.Hash([.. ProbeSetup.ProbeBytecode, .. BindingsProbe.EncodeDeployment(1)]);
        new DeploymentManifest(AnvilNode.ChainId, new Dictionary<string, DeployedContract> { ["Probe"] = new(empty, 1, default, codeHash) }).Save(ManifestPath);
        using var deployer = new ContractDeployer(client, ManifestPath, AnvilNode.ChainId);

        var (contract, deployed) = await deployer.DeployAsync("Probe", ProbeSetup.ProbeBytecode, BindingsProbe.EncodeDeployment(1), null, Cancel);

        Assert.True(deployed);
        Assert.NotEqual(empty, contract.Address);
    }

    [Fact]
    public async Task A_manifest_of_another_chain_is_refused_and_left_unchanged()
    {
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http);
        new DeploymentManifest(1, new Dictionary<string, DeployedContract>()).Save(ManifestPath);
        string before = await File.ReadAllTextAsync(ManifestPath, Cancel);
        using var deployer = new ContractDeployer(client, ManifestPath, AnvilNode.ChainId);

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => deployer.DeployAsync("Probe", ProbeSetup.ProbeBytecode, BindingsProbe.EncodeDeployment(1), null, Cancel));

        Assert.Contains("chain 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(ManifestPath, Cancel));
    }

    [Fact]
    public void A_library_placeholder_must_be_linked_before_the_bytecode_is_used()
    {
        string placeholder = "__$" + Keccak256.Hash("src/Lib.sol:Lib"u8).ToString()[2..36] + "$__";
        ContractArtifact artifact = ContractArtifact.FromHex("UsesLib", "6080" + placeholder + "00");
        Address library = Address.Parse("0x00000000000000000000000000000000000000aa");

        Assert.True(artifact.NeedsLinking);
        Assert.Throws<ValueChainFormatException>(artifact.Bytecode);
        Assert.Throws<ValueChainFormatException>(() => artifact.Link("src/Other.sol:Other", library));
        Assert.Equal("0x6080" + library.ToLowerHex()[2..] + "00", Hex.Encode(artifact.Link("src/Lib.sol:Lib", library).Bytecode()));
    }

    [Fact]
    public void A_damaged_artefact_is_refused_when_loaded()
    {
        File.WriteAllText(Path.Combine(_directory, "Broken.bin"), "60806zz");

        Assert.Throws<ValueChainFormatException>(() => ContractArtifact.Load(_directory, "Broken"));
        Assert.Throws<ValueChainFormatException>(() => ContractArtifact.Load(_directory, "Missing"));
    }
}
