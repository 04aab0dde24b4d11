using System.Diagnostics;
using System.Reflection;
using ValueChain.Cryptography;
using ValueChain.Testing;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>
/// A child process appends blocks to a persisted ledger and is killed at random points, many times.
/// Every reopen must hold every block the child reported committed, verify, and match replay. With
/// checkpoints in play (written in the background every few transactions, so kills land while one is
/// written), the reopen loads a checkpoint and must reach the same state, byte for byte, as a full replay.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int Rounds = 20;
    private readonly string _directory = Directory.CreateTempSubdirectory("valuechain-crash-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 0)]
    [InlineData(1, 3)]
    [InlineData(4, 8)]
    public async Task Killing_the_writer_at_random_points_never_loses_a_committed_block(int blockSize, int checkpointInterval)
    {
        var random = new Random(20261124 + blockSize + checkpointInterval);
        int checkpointsUsed = 0;
        var member = PrivateKey.FromBytes(Keccak256.Hash("crash member"u8).ToArray());
        long committedBlocks = 0;
        for (int round = 0; round < Rounds; round++)
        {
            (long lastIndex, long lastBlock) = await RunAndKillAsync(member, blockSize, checkpointInterval, waitForCommits: random.Next(1, 60), extraDelayMs: random.Next(0, 25));

            await using InMemoryLedger reopened = InMemoryLedger.Open(
                new InMemoryLedgerOptions
                {
                    DataDirectory = _directory,
                    Membership = MembershipMode.Open,
                    ProducerKey = PrivateKey.FromBytes(Keccak256.Hash("crash producer"u8).ToArray()),
                    CheckpointInterval = checkpointInterval,
                },
                [new Conformance.Ledger.ConformanceChaincode()]);

            // Every block the child saw committed is there; the chain verifies and replays to its state hash.
            Assert.True(reopened.Head.Number >= lastBlock, $"round {round}: head {reopened.Head.Number} lost committed block {lastBlock}");
            Assert.True(reopened.Head.Number >= committedBlocks, $"round {round}: the ledger shrank");
            LedgerVerification verification = await reopened.VerifyAsync();
            Assert.True(verification.IsValid, verification.Problem);
            ulong next = reopened.GetNextNonce(member.Address);
            Assert.True((long)next > lastIndex, $"round {round}: committed transaction {lastIndex} is missing (next nonce {next})");
            for (ulong i = 0; i < next; i++)
            {
                Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), TestLedgers.Get(reopened, $"crash/{i}"));
            }

            // The state reached (from a checkpoint, or not) is the state of a full replay of the file from genesis.
            var replay = new ChainReplay(reopened.NetworkId, verify: true);
            foreach (LedgerBlock block in LedgerArchive.Open(_directory).Blocks)
            {
                Assert.Null(replay.Apply(block));
            }

            Assert.Equal(reopened.Head.Number + 1, replay.NextNumber);
            Assert.Equal(StateCheckpoint.EncodeState(replay.State.Freeze(replay.NextNumber - 1)), StateCheckpoint.EncodeState(reopened.Store.Snapshot));
            Assert.Equal(reopened.Head.StateHash, reopened.Store.Snapshot.Hash.ToHash32());
            checkpointsUsed += reopened.OpenReport!.CheckpointBlock is null ? 0 : 1;
            Assert.Empty(reopened.OpenReport.RejectedCheckpoints);
            committedBlocks = reopened.Head.Number;
        }

        // Reopens write a checkpoint of the head on close, so with checkpoints on, every later round starts from one.
        Assert.Equal(checkpointInterval > 0, checkpointsUsed >= Rounds - 1);
    }

    private async Task<(long LastIndex, long LastBlock)> RunAndKillAsync(PrivateKey member, int blockSize, int checkpointInterval, int waitForCommits, int extraDelayMs)
    {
        string configuration = typeof(CrashTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        string host = Path.Combine(RepositoryPaths.Root, "tests", "ValueChain.Ledger.InMemory.CrashHost", "bin", configuration, "net10.0", "ValueChain.Ledger.InMemory.CrashHost.dll");
        Assert.True(File.Exists(host), $"The crash host is not built at {host}.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { host, _directory, Hex.Encode(member.ToBytes()), blockSize.ToString(System.Globalization.CultureInfo.InvariantCulture), checkpointInterval.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using Process child = Process.Start(start)!;
        long lastIndex = -1, lastBlock = 0;
        int commits = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (commits < waitForCommits && await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                string[] parts = line.Split(' ');
                if (parts[0] == "committed")
                {
                    lastIndex = Math.Max(lastIndex, long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
                    lastBlock = Math.Max(lastBlock, long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
                    commits++;
                }
            }

            if (commits != waitForCommits)
            {
                Assert.Fail($"The crash host stopped early: {await child.StandardError.ReadToEndAsync(timeout.Token)}");
            }

            // Let it run on a little, so the kill lands at an arbitrary point of writing.
            Thread.SpinWait(extraDelayMs * 10_000);
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(CancellationToken.None);
        }

        // Lines the child printed before it died also count as committed.
        while (await child.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
        {
            string[] parts = line.Split(' ');
            if (parts[0] == "committed")
            {
                lastIndex = Math.Max(lastIndex, long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
                lastBlock = Math.Max(lastBlock, long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return (lastIndex, lastBlock);
    }
}
