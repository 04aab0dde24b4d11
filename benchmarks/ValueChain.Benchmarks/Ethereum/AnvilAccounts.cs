using ValueChain.Cryptography;
using ValueChain.Ledger.Ethereum;
using ValueChain.Testing;

namespace ValueChain.Benchmarks;

/// <summary>Fresh accounts on a benchmark's anvil, funded without a transaction (anvil_setBalance), so that runs never share nonces.</summary>
internal static class AnvilAccounts
{
    /// <summary>A client for a new funded key; <paramref name="stallTimeout"/> suits anvil, which mines at once.</summary>
    public static async Task<(EthereumClient Client, PrivateKey Key)> FundedClientAsync(JsonRpcClient rpc, TimeSpan stallTimeout)
    {
        var key = PrivateKey.Generate();
        await rpc.CallAsync("anvil_setBalance", [key.Address.ToLowerHex(), "0x56bc75e2d63100000000"]);
        var sender = new TransactionSender(rpc, new EthereumSigner(key), new TransactionSenderOptions { ChainId = AnvilNode.ChainId, StallTimeout = stallTimeout });
        return (new EthereumClient(rpc, sender, new EthereumClientOptions { ChainId = AnvilNode.ChainId }), key);
    }
}
