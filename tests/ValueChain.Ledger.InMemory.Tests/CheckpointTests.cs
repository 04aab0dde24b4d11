using Microsoft.Extensions.Logging;
using ValueChain.Conformance.Ledger;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>
/// Checkpoints of a persisted ledger: a reopen loads the newest valid one and replays only later
/// blocks; a damaged, altered, torn or foreign checkpoint is detected, named, reported and not used.
/// </summary>
public sealed class CheckpointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("valuechain-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string CheckpointFolder => Path.Combine(_directory, CheckpointStore.FolderName);

    // Only clean closes write checkpoints here (the interval is never reached), so which exist is known.
    private InMemoryLedger Open(ILogger<InMemoryLedger>? logger = null, string? directory = null) => InMemoryLedger.Open(
        TestLedgers.Options(o => { o.DataDirectory = directory ?? _directory; o.CheckpointInterval = 1_000; o.MaxBlockTransactions = 2; }),
        [new ConformanceChaincode()],
        logger);

    /// <summary>Two sessions of ten transactions: checkpoints at the end of each.</summary>
    private async Task<(long First, long Second)> TwoSessionsAsync(string? directory = null)
    {
        long first;
        await using (InMemoryLedger ledger = Open(directory: directory))
        {
            await PutAsync(ledger, 0);
            first = ledger.Head.Number;
        }

        await using (InMemoryLedger ledger = Open(directory: directory))
        {
            await PutAsync(ledger, 10);
            return (first, ledger.Head.Number);
        }
    }

    private static async Task PutAsync(InMemoryLedger ledger, int start)
    {
        for (int i = start; i < start + 10; i++)
        {
            await ledger.SubmitAsync(TestLedgers.Members[i % 3], TestLedgers.Put($"k{i % 4}", $"value-{i}"));
        }
    }

    private string CheckpointOf(long block) => Path.Combine(CheckpointFolder, $"checkpoint-{block:D12}.vcs");

    // The state as bytes after a full replay from genesis, with every checkpoint set aside.
    private async Task<(byte[] State, EmbeddedBlockHeader Head)> FullReplayAsync()
    {
        string aside = _directory + "-aside";
        Directory.Move(CheckpointFolder, aside);
        try
        {
            await using InMemoryLedger full = Open();
            Assert.Null(full.OpenReport!.CheckpointBlock);
            return (StateCheckpoint.EncodeState(full.Store.Snapshot), full.Head);
        }
        finally
        {
            Directory.Delete(CheckpointFolder, recursive: true);
            Directory.Move(aside, CheckpointFolder);
        }
    }

    [Fact]
    public async Task A_reopen_after_a_clean_close_loads_the_head_checkpoint_and_replays_nothing()
    {
        (_, long second) = await TwoSessionsAsync();
        (byte[] state, EmbeddedBlockHeader head) = await FullReplayAsync();

        await using InMemoryLedger reopened = Open();

        Assert.Equal(second, reopened.OpenReport!.CheckpointBlock);
        Assert.Equal(0, reopened.OpenReport.ReplayedBlocks);
        Assert.Empty(reopened.OpenReport.RejectedCheckpoints);
        Assert.Equal(head, reopened.Head);
        Assert.Equal(state, StateCheckpoint.EncodeState(reopened.Store.Snapshot));
        Assert.Equal(7UL, reopened.GetNextNonce(TestLedgers.Members[0].Address));
        Assert.Equal(5, reopened.GetHistory(ConformanceChaincode.ChaincodeName, "k0").Count);
        Assert.True((await reopened.VerifyAsync()).IsValid);
        Assert.True((await reopened.SubmitAsync(TestLedgers.Members[1], TestLedgers.Put("after", "reopen"))).Succeeded);
    }

    [Fact]
    public async Task Without_the_newest_checkpoint_the_older_one_is_loaded_and_only_later_blocks_replayed()
    {
        (long first, long second) = await TwoSessionsAsync();
        File.Delete(CheckpointOf(second));
        (byte[] state, EmbeddedBlockHeader head) = await FullReplayAsync();

        await using InMemoryLedger reopened = Open();

        Assert.Equal(first, reopened.OpenReport!.CheckpointBlock);
        Assert.Equal(second - first, reopened.OpenReport.ReplayedBlocks);
        Assert.Equal(head, reopened.Head);
        Assert.Equal(state, StateCheckpoint.EncodeState(reopened.Store.Snapshot));
        Assert.Equal(7UL, reopened.GetNextNonce(TestLedgers.Members[0].Address));
    }

    [Fact]
    public async Task A_checkpoint_altered_on_disk_with_a_fixed_checksum_is_detected_named_and_not_used()
    {
        (long first, long second) = await TwoSessionsAsync();
        string altered = CheckpointOf(second);
        byte[] bytes = File.ReadAllBytes(altered);
        int at = bytes.AsSpan().IndexOf("value-19"u8);
        Assert.True(at > 0);
        bytes[at + 6] = (byte)'9';
        Keccak256.Hash(bytes.AsSpan(0, bytes.Length - 32)).WriteTo(bytes.AsSpan(bytes.Length - 32));
        File.WriteAllBytes(altered, bytes);
        (byte[] state, _) = await FullReplayAsync();
        var logger = new CapturingLogger();

        await using InMemoryLedger reopened = Open(logger);

        CheckpointProblem problem = Assert.Single(reopened.OpenReport!.RejectedCheckpoints);
        Assert.Equal(altered, problem.Path);
        Assert.Equal(second, problem.BlockNumber);
        Assert.Contains("not to the state hash", problem.Problem, StringComparison.Ordinal);
        Assert.Equal(first, reopened.OpenReport.CheckpointBlock);
        Assert.Equal(state, StateCheckpoint.EncodeState(reopened.Store.Snapshot));
        Assert.Equal("value-19", TestLedgers.Get(reopened, "k3"));
        Assert.Contains(logger.Warnings, w => w.Contains(altered, StringComparison.Ordinal) && w.Contains("not to the state hash", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("flip", "checksum")]
    [InlineData("truncate", "truncated")]
    [InlineData("empty", "truncated")]
    public async Task A_damaged_or_torn_checkpoint_is_detected_and_the_older_one_used(string damage, string expected)
    {
        (long first, long second) = await TwoSessionsAsync();
        string damaged = CheckpointOf(second);
        byte[] bytes = File.ReadAllBytes(damaged);
        File.WriteAllBytes(damaged, damage switch
        {
            "flip" => Flip(bytes, bytes.Length - 10),
            "truncate" => bytes[..(bytes.Length * 2 / 3)],
            _ => [],
        });

        await using InMemoryLedger reopened = Open();

        CheckpointProblem problem = Assert.Single(reopened.OpenReport!.RejectedCheckpoints);
        Assert.Equal(damaged, problem.Path);
        Assert.Contains(expected, problem.Problem, StringComparison.Ordinal);
        Assert.Equal(first, reopened.OpenReport.CheckpointBlock);
        Assert.Equal(second, reopened.Head.Number);
        Assert.True((await reopened.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task A_checkpoint_of_another_ledger_does_not_match_the_block_hash_and_is_not_used()
    {
        (long first, long second) = await TwoSessionsAsync();
        string other = Path.Combine(_directory, "other");
        await using (InMemoryLedger foreign = Open(directory: other))
        {
            for (int i = 0; i < 20; i++)
            {
                await foreign.SubmitAsync(TestLedgers.Members[1], TestLedgers.Put($"x{i}", "foreign"));
            }

            Assert.Equal(second, foreign.Head.Number);
        }

        File.Copy(Path.Combine(other, CheckpointStore.FolderName, $"checkpoint-{second:D12}.vcs"), CheckpointOf(second), overwrite: true);

        await using InMemoryLedger reopened = Open();

        CheckpointProblem problem = Assert.Single(reopened.OpenReport!.RejectedCheckpoints);
        Assert.Contains("block hash", problem.Problem, StringComparison.Ordinal);
        Assert.Equal(first, reopened.OpenReport.CheckpointBlock);
        Assert.Null(TestLedgers.Get(reopened, "x0"));
    }

    [Fact]
    public async Task When_every_checkpoint_is_bad_the_ledger_replays_from_genesis_and_a_torn_temporary_file_is_removed()
    {
        (long first, long second) = await TwoSessionsAsync();
        foreach (long block in new[] { first, second })
        {
            File.WriteAllBytes(CheckpointOf(block), Flip(File.ReadAllBytes(CheckpointOf(block)), 40));
        }

        string torn = CheckpointOf(second + 5) + ".tmp";
        File.WriteAllBytes(torn, "VCS1"u8.ToArray());
        (byte[] state, _) = await FullReplayAsync();

        await using InMemoryLedger reopened = Open();

        Assert.Null(reopened.OpenReport!.CheckpointBlock);
        Assert.Equal(second + 1, reopened.OpenReport.ReplayedBlocks);
        Assert.Equal([CheckpointOf(second), CheckpointOf(first)], reopened.OpenReport.RejectedCheckpoints.Select(p => p.Path));
        Assert.False(File.Exists(torn));
        Assert.Equal(state, StateCheckpoint.EncodeState(reopened.Store.Snapshot));
    }

    [Fact]
    public async Task A_checkpoint_beyond_the_head_is_rejected()
    {
        (_, long second) = await TwoSessionsAsync();
        File.Copy(CheckpointOf(second), CheckpointOf(second + 3));

        await using InMemoryLedger reopened = Open();

        Assert.Contains("beyond the head", Assert.Single(reopened.OpenReport!.RejectedCheckpoints).Problem, StringComparison.Ordinal);
        Assert.Equal(second, reopened.OpenReport.CheckpointBlock);
    }

    [Fact]
    public async Task Verification_in_the_background_covers_the_blocks_a_checkpoint_skipped()
    {
        await TwoSessionsAsync();

        await using InMemoryLedger reopened = InMemoryLedger.Open(
            TestLedgers.Options(o => { o.DataDirectory = _directory; o.VerifyInBackground = true; o.MaxBlockTransactions = 2; }),
            [new ConformanceChaincode()]);

        Assert.NotNull(reopened.OpenReport!.CheckpointBlock);
        LedgerVerification verification = await reopened.BackgroundVerification!;
        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(reopened.Height, verification.BlocksChecked);
    }

    [Fact]
    public async Task A_block_changed_before_the_checkpoint_is_not_replayed_on_open_but_named_by_the_background_verification()
    {
        (long first, _) = await TwoSessionsAsync();
        string file = Path.Combine(_directory, BlockFile.FileName);
        byte[] content = File.ReadAllBytes(file);
        int at = content.AsSpan().IndexOf("value-3"u8);
        Assert.True(at > 0);
        content[at + 6] = (byte)'7';
        File.WriteAllBytes(file, content);

        await using InMemoryLedger reopened = InMemoryLedger.Open(
            TestLedgers.Options(o => { o.DataDirectory = _directory; o.VerifyInBackground = true; o.MaxBlockTransactions = 2; }),
            [new ConformanceChaincode()]);

        Assert.True(reopened.OpenReport!.CheckpointBlock > first);
        LedgerVerification verification = await reopened.BackgroundVerification!;
        Assert.False(verification.IsValid);
        Assert.Equal(4, verification.FirstInvalidBlock);
        Assert.Contains("is damaged", verification.Problem, StringComparison.Ordinal);
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        byte[] copy = (byte[])bytes.Clone();
        copy[at] ^= 0x5a;
        return copy;
    }

    private sealed class CapturingLogger : ILogger<InMemoryLedger>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                lock (Warnings)
                {
                    Warnings.Add(formatter(state, exception));
                }
            }
        }
    }
}
