using ValueChain.Cryptography;

namespace ValueChain.Testing.Ethereum;

/// <summary>Funded clients on an anvil node and the committed contract artefacts, for every Ethereum test project (linked into each).</summary>
internal static class AnvilClients
{
    public static EthereumClientOptions Options() => Options(AnvilNode.ChainId);

    /// <summary>The client options of the tests on a node of chain <paramref name="chainId"/> (as read from the node).</summary>
    public static EthereumClientOptions Options(ulong chainId) => new() { ChainId = chainId, LogPollInterval = TimeSpan.FromMilliseconds(20) };

    /// <summary>A client for a fresh key funded with 100 ETH (set, not transferred, on a development node: no dev-account nonce is shared).</summary>
    public static async Task<EthereumClient> FundedClientAsync(AnvilNode anvil, HttpClient http, EthereumClientOptions? options = null, PrivateKey? key = null)
    {
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        key ??= PrivateKey.Generate();
        await DevelopmentNodeFunding.FundAsync(rpc, key.Address, UInt256.Parse("0x56bc75e2d63100000"), TestContext.Current.CancellationToken);
        var sender = new TransactionSender(rpc, new EthereumSigner(key), new TransactionSenderOptions { ChainId = AnvilNode.ChainId, StallTimeout = TimeSpan.FromSeconds(2) });
        return new EthereumClient(rpc, sender, options ?? Options());
    }

    /// <summary>The committed creation bytecode of contract <paramref name="name"/>, from contracts/artifacts or a package's Artifacts folder.</summary>
    public static byte[] Bytecode(string name) => ContractArtifact.Load(ArtifactsFolderOf(name), name).Bytecode();

    /// <summary>The committed ABI file of contract <paramref name="name"/>.</summary>
    public static string AbiPath(string name) => Path.Combine(ArtifactsFolderOf(name), name + ".abi.json");

    // contracts/artifacts for the shared and testing contracts, src/<Package>/Artifacts for an application's.
    private static string ArtifactsFolderOf(string name) =>
        new[] { Path.Combine(RepositoryPaths.Root, "contracts", "artifacts") }
            .Concat(Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src")).Select(package => Path.Combine(package, "Artifacts")))
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, name + ".abi.json")))
        ?? throw new FileNotFoundException($"No committed artefact for the contract {name}: run `node contracts/build.mjs`.");
}
