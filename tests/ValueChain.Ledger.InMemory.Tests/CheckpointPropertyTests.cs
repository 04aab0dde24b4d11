using CsCheck;
using ValueChain.Conformance.Ledger;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>For random transaction sequences, the state after a checkpoint and a replay equals the state after a full replay, byte for byte.</summary>
public sealed class CheckpointPropertyTests
{
    private static readonly Gen<(int Key, int Value, bool Delete, int Sender)> Operations =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 1000], Gen.Int[0, 4], Gen.Int[0, 2]).Select((k, v, d, s) => (k, v, d == 0, s));

    [Fact]
    public Task State_after_checkpoint_and_replay_equals_state_after_full_replay() =>
        Gen.Select(Operations.Array[1, 14], Operations.Array[0, 14], Gen.Int[1, 4], Gen.Int[1, 6])
            .SampleAsync(async (before, after, blockSize, interval) =>
            {
                string directory = Directory.CreateTempSubdirectory("valuechain-property-").FullName;
                try
                {
                    InMemoryLedger Open(long checkpointInterval) => TestLedgers.Open(o =>
                    {
                        o.DataDirectory = directory;
                        o.MaxBlockTransactions = blockSize;
                        o.CheckpointInterval = checkpointInterval;
                    });

                    // The first session ends with a checkpoint of its head; the second adds blocks after it.
                    await using (InMemoryLedger ledger = Open(interval))
                    {
                        await SubmitAsync(ledger, before);
                    }

                    string checkpoints = Path.Combine(directory, CheckpointStore.FolderName);
                    long checkpointed = LatestCheckpoint(checkpoints);
                    await using (InMemoryLedger ledger = Open(checkpointInterval: 0))
                    {
                        await SubmitAsync(ledger, after);
                    }

                    byte[] replayed, full;
                    EmbeddedBlockHeader head;
                    await using (InMemoryLedger fromCheckpoint = Open(checkpointInterval: 0))
                    {
                        Assert.Equal(checkpointed, fromCheckpoint.OpenReport!.CheckpointBlock);
                        Assert.Equal(fromCheckpoint.Head.Number - checkpointed, fromCheckpoint.OpenReport.ReplayedBlocks);
                        replayed = StateCheckpoint.EncodeState(fromCheckpoint.Store.Snapshot);
                        head = fromCheckpoint.Head;
                    }

                    Directory.Delete(checkpoints, recursive: true);
                    await using (InMemoryLedger fromGenesis = Open(checkpointInterval: 0))
                    {
                        Assert.Null(fromGenesis.OpenReport!.CheckpointBlock);
                        full = StateCheckpoint.EncodeState(fromGenesis.Store.Snapshot);
                        Assert.Equal(head, fromGenesis.Head);
                    }

                    Assert.Equal(full, replayed);
                }
                finally
                {
                    Directory.Delete(directory, recursive: true);
                }
            }, iter: 12, threads: 1);

    private static async Task SubmitAsync(InMemoryLedger ledger, (int Key, int Value, bool Delete, int Sender)[] operations) =>
        await Task.WhenAll(operations.Select(o => ledger.SubmitAsync(
            TestLedgers.Members[o.Sender],
            o.Delete
                ? new ContractInvocation(ConformanceChaincode.ChaincodeName, "delete", $$"""{"key":"k{{o.Key}}"}""")
                : TestLedgers.Put($"k{o.Key}", $"v{o.Value}"))));

    private static long LatestCheckpoint(string folder) =>
        Directory.EnumerateFiles(folder, "checkpoint-*.vcs").Select(f => long.Parse(Path.GetFileNameWithoutExtension(f)["checkpoint-".Length..], System.Globalization.CultureInfo.InvariantCulture)).Max();
}
