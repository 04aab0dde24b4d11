using System.Diagnostics;
using System.Net.Sockets;
using ValueChain.Cryptography;
using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Tests;

// The test fixture that runs the suites on any development node: its default command (hardhat here), a command or a
// URL from the environment, and the chain id always as the node answers it.
public sealed class DevelopmentNodeTests(HardhatNode hardhat) : IClassFixture<HardhatNode>
{
    [Fact]
    public async Task Hardhat_starts_from_the_pinned_tools_and_answers_with_the_chain_id_the_fixture_reports()
    {
        Assert.Equal(31337UL, hardhat.ChainId);
        string version = (await hardhat.CallAsync("web3_clientVersion")).GetString()!;
        Assert.StartsWith("HardhatNetwork/3.", version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_hardhat_accounts_are_funded_with_hardhat_setBalance()
    {
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = hardhat.Endpoint });
        Address account = PrivateKey.Generate().Address;

        string method = await DevelopmentNodeFunding.FundAsync(rpc, account, UInt256.Parse("0x56bc75e2d63100000"), TestContext.Current.CancellationToken);

        Assert.Equal("hardhat_setBalance", method);
        Assert.Equal("0x56bc75e2d63100000", (await hardhat.CallAsync("eth_getBalance", account.ToLowerHex(), "latest")).GetString());
    }

    [Fact]
    public async Task A_snapshot_reverts_the_state_and_the_time_the_test_moved()
    {
        string blockBefore = (await hardhat.CallAsync("eth_blockNumber")).GetString()!;
        IAsyncDisposable snapshot = await hardhat.SnapshotAsync();
        await hardhat.CallAsync("evm_increaseTime", 864_000);
        await hardhat.CallAsync("evm_mine");
        Assert.NotEqual(blockBefore, (await hardhat.CallAsync("eth_blockNumber")).GetString());

        await snapshot.DisposeAsync();

        Assert.Equal(blockBefore, (await hardhat.CallAsync("eth_blockNumber")).GetString());
    }

    [Fact]
    public async Task A_command_from_the_environment_starts_the_node_and_its_chain_id_is_read_not_assumed()
    {
        const string Prefix = "VALUECHAIN_TEST_COMMAND_NODE";
        Environment.SetEnvironmentVariable(Prefix + "_COMMAND", $"exec '{AnvilNode.Binary}' --host 127.0.0.1 --port {{port}} --chain-id 4242 --silent");
        try
        {
            var node = new EnvironmentOnlyNode(Prefix);
            await node.InitializeAsync();
            Uri endpoint = node.Endpoint;
            Assert.Equal(4242UL, node.ChainId);

            await node.DisposeAsync();

            Assert.False(await AnsweringAsync(endpoint), "The node still listens after the fixture was disposed.");
        }
        finally
        {
            Environment.SetEnvironmentVariable(Prefix + "_COMMAND", null);
        }
    }

    [Fact]
    public async Task A_url_from_the_environment_is_used_as_it_is_and_left_running()
    {
        const string Prefix = "VALUECHAIN_TEST_URL_NODE";
        Environment.SetEnvironmentVariable(Prefix + "_URL", hardhat.Endpoint.ToString());
        try
        {
            var node = new EnvironmentOnlyNode(Prefix);
            await node.InitializeAsync();
            Assert.Equal((hardhat.Endpoint, 31337UL), (node.Endpoint, node.ChainId));

            await node.DisposeAsync();

            Assert.True(await AnsweringAsync(hardhat.Endpoint));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Prefix + "_URL", null);
        }
    }

    private static async Task<bool> AnsweringAsync(Uri endpoint)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, TestContext.Current.CancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // A node known only from the environment: without the variables there is nothing to start.
    private sealed class EnvironmentOnlyNode(string prefix) : DevelopmentNode(prefix)
    {
        protected override string Name => "a node from the environment";

        protected override ProcessStartInfo DefaultStart(int port) => throw new InvalidOperationException("Set the variable _COMMAND or _URL.");
    }
}
