using ValueChain.Cryptography;
using ValueChain.Ledger.Ethereum.Tests.Contracts;
using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests;

/// <summary>Funded clients and the test contract, deployed from its committed artefact.</summary>
internal static class ProbeSetup
{
    public static string ArtifactsDirectory => Path.Combine(RepositoryPaths.Root, "contracts", "artifacts");

    public static byte[] ProbeBytecode => Bytecode(nameof(BindingsProbe));

    /// <summary>The committed creation bytecode of contract <paramref name="name"/>.</summary>
    public static byte[] Bytecode(string name) => ContractArtifact.Load(ArtifactsDirectory, name).Bytecode();

    /// <summary>How many transactions of <paramref name="client"/>'s account are mined.</summary>
    public static async Task<ulong> MinedNonceAsync(EthereumClient client) =>
        (ulong)HexQuantity.Parse(await client.Rpc.CallAsync("eth_getTransactionCount", [client.Account!.Value.ToLowerHex(), "latest"], TestContext.Current.CancellationToken));

    public static EthereumClientOptions Options() => new() { ChainId = AnvilNode.ChainId, LogPollInterval = TimeSpan.FromMilliseconds(20) };

    /// <summary>A client for a fresh key funded with 100 ETH (anvil_setBalance: no dev-account nonce is shared).</summary>
    public static async Task<EthereumClient> FundedClientAsync(AnvilNode anvil, HttpClient http, EthereumClientOptions? options = null, PrivateKey? key = null)
    {
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        key ??= PrivateKey.Generate();
        await rpc.CallAsync("anvil_setBalance", [key.Address.ToLowerHex(), "0x56bc75e2d63100000"], TestContext.Current.CancellationToken);
        var sender = new TransactionSender(rpc, new EthereumSigner(key), new TransactionSenderOptions { ChainId = AnvilNode.ChainId, StallTimeout = TimeSpan.FromSeconds(2) });
        return new EthereumClient(rpc, sender, options ?? Options());
    }

    public static Task<BindingsProbe> DeployProbeAsync(EthereumClient client, ulong start = 0) =>
        BindingsProbe.DeployAsync(client, ProbeBytecode, start, TestContext.Current.CancellationToken);
}
