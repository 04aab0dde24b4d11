using ValueChain.Ledger.Ethereum.Tests.Contracts;

namespace ValueChain.Ledger.Ethereum.Tests;

/// <summary>The test contract, deployed from its committed artefact, and the mined nonce of an account.</summary>
internal static class ProbeSetup
{
    public static byte[] ProbeBytecode => AnvilClients.Bytecode(nameof(BindingsProbe));

    /// <summary>How many transactions of <paramref name="client"/>'s account are mined.</summary>
    public static async Task<ulong> MinedNonceAsync(EthereumClient client) =>
        (ulong)HexQuantity.Parse(await client.Rpc.CallAsync("eth_getTransactionCount", [client.Account!.Value.ToLowerHex(), "latest"], TestContext.Current.CancellationToken));

    public static Task<BindingsProbe> DeployProbeAsync(EthereumClient client, ulong start = 0) =>
        BindingsProbe.DeployAsync(client, ProbeBytecode, start, TestContext.Current.CancellationToken);
}
