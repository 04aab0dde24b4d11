using System.Buffers.Binary;
using ValueChain.Conformance.Ledger;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;

namespace ValueChain.Cli.Tests;

/// <summary>valuechain ledger head|blocks|tx|verify|proof on a persisted ledger.</summary>
public sealed class LedgerCommandTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("valuechain-cli-").FullName;
    private TransactionReceipt[] _receipts = [];

    public async ValueTask InitializeAsync()
    {
        var member = new EthereumSigner(PrivateKey.FromBytes(Keccak256.Hash("cli member"u8).ToArray()));
        await using InMemoryLedger ledger = InMemoryLedger.Open(
            new InMemoryLedgerOptions { DataDirectory = _directory, Membership = MembershipMode.Open, MaxBlockTransactions = 3, BlockLinger = TimeSpan.FromMinutes(1) },
            [new ConformanceChaincode()]);
        _receipts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            ledger.SubmitAsync(member, new ContractInvocation(ConformanceChaincode.ChaincodeName, "put", $$"""{"key":"k{{i}}","value":"v{{i}}"}"""))));
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Head_shows_the_newest_header_with_a_valid_signature()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("ledger", "head", "--data", _directory);

        Assert.Equal(0, exitCode);
        Assert.Contains("Number", output, StringComparison.Ordinal);
        Assert.Contains("valid", output, StringComparison.Ordinal);
        Assert.Contains("valuechain-embedded", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blocks_lists_every_block_with_its_transaction_count()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("ledger", "blocks", "--data", _directory, "--from", "0");

        // Columns: Block, Time, Txs, Failed, Hash.
        List<string[]> rows = output.Split('\n')
            .Where(l => l.Contains("0x", StringComparison.Ordinal))
            .Select(l => l.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        Assert.Equal(0, exitCode);
        Assert.Equal(["0", "1", "2"], rows.Select(r => r[0]));
        Assert.Equal(["0", "3", "3"], rows.Select(r => r[2]));
    }

    [Fact]
    public async Task Tx_shows_the_call_and_its_receipt()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("ledger", "tx", "--data", _directory, _receipts[2].TransactionId.ToString());

        Assert.Equal(0, exitCode);
        Assert.Contains("conformance.put", output, StringComparison.Ordinal);
        Assert.Contains("succeeded", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proof_prints_the_audit_path_and_checks_it()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("ledger", "proof", "--data", _directory, _receipts[4].TransactionId.ToString(), "--receipt");

        Assert.Equal(0, exitCode);
        Assert.Contains("\"kind\": \"receipt\"", output, StringComparison.Ordinal);
        Assert.Contains("The proof verifies against the signed block header.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_passes_then_names_the_block_after_tampering()
    {
        (int okCode, string ok) = await CliRunner.RunAsync("ledger", "verify", "--data", _directory);
        Assert.Equal(0, okCode);
        Assert.Contains("Valid:", ok, StringComparison.Ordinal);

        // Change a value inside block 2's record and fix its checksum: a deliberate tamper.
        string file = Path.Combine(_directory, "blocks.vcl");
        byte[] content = File.ReadAllBytes(file);
        int at = 0;
        for (int block = 0; block < 2; block++)
        {
            at += 16 + BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(at + 4));
        }

        int length = BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(at + 4));
        Span<byte> payload = content.AsSpan(at + 8, length);
        int value = payload.LastIndexOf("\"v"u8);
        payload[value + 1] = (byte)'w';
        Keccak256.Hash(payload).ToArray().AsSpan(0, 8).CopyTo(content.AsSpan(at + 8 + length));
        File.WriteAllBytes(file, content);

        (int badCode, string bad) = await CliRunner.RunAsync("ledger", "verify", "--data", _directory);
        Assert.Equal(1, badCode);
        Assert.Contains("Invalid at block 2", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_ledger_is_a_clear_error()
    {
        (int exitCode, string output) = await CliRunner.RunAsync("ledger", "head", "--data", Path.Combine(_directory, "nothing-here"));

        Assert.Equal(2, exitCode);
        Assert.Contains("blocks.vcl is missing", output, StringComparison.Ordinal);
    }
}
