using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The checkpoints of a persisted ledger, in <c>checkpoints/</c> beside the block file. Every
/// <see cref="InMemoryLedgerOptions.CheckpointInterval"/> transactions the producer hands over the
/// committed snapshot, which is immutable, so a background task writes it while blocks go on. A
/// checkpoint is written to a temporary file, flushed and then renamed, so a crash leaves either the
/// whole file or none; the open also checks every one it considers and ignores the bad ones.
/// </summary>
internal sealed class CheckpointStore : IAsyncDisposable
{
    public const string FolderName = "checkpoints";
    private const string Prefix = "checkpoint-", Extension = ".vcs", Temporary = ".tmp";

    private readonly string _directory;
    private readonly long _interval;
    private readonly int _keep;
    private readonly ILogger _logger;
    private long _sinceLast;
    private Task _writing = Task.CompletedTask;

    public CheckpointStore(string dataDirectory, long interval, int keep, ILogger logger)
    {
        _directory = Path.Combine(dataDirectory, FolderName);
        _interval = interval;
        _keep = Math.Max(1, keep);
        _logger = logger;
        Directory.CreateDirectory(_directory);
        foreach (string torn in Directory.EnumerateFiles(_directory, "*" + Temporary))
        {
            // A checkpoint whose writer died before the rename: never complete, never used.
            File.Delete(torn);
        }
    }

    /// <summary>The checkpoint files, newest first.</summary>
    public IReadOnlyList<(string Path, long Block)> Files() => Directory.EnumerateFiles(_directory, Prefix + "*" + Extension)
        .Select(path => (Path: path, Block: long.TryParse(Path.GetFileNameWithoutExtension(path)[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : -1))
        .OrderByDescending(f => f.Block)
        .ToList();

    /// <summary>
    /// The newest checkpoint that reads whole and matches the stored blocks (its block's hash and state
    /// hash), and every newer one that did not, with what is wrong with it.
    /// </summary>
    public (LoadedCheckpoint? Checkpoint, List<CheckpointProblem> Problems) LoadLatest(long height, Func<long, EmbeddedBlockHeader> header)
    {
        var problems = new List<CheckpointProblem>();
        foreach ((string path, long block) in Files())
        {
            string? problem = null;
            LoadedCheckpoint? loaded = null;
            try
            {
                if (block < 0 || block >= height)
                {
                    problem = block < 0 ? "its name does not give a block number" : $"it is bound to block {block}, beyond the head {height - 1}";
                }
                else
                {
                    loaded = StateCheckpoint.Read(path);
                    EmbeddedBlockHeader bound = header(block);
                    problem = loaded.BlockNumber != block ? $"it records block {loaded.BlockNumber}, its name says {block}"
                        : loaded.BlockHash != bound.Hash ? $"it is bound to block hash {loaded.BlockHash}, but block {block}'s hash is {bound.Hash}"
                        : loaded.StateHash != bound.StateHash ? $"its state hash {loaded.StateHash} is not block {block}'s state hash {bound.StateHash}"
                        : null;
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or LedgerCorruptedException)
            {
                problem = e is LedgerCorruptedException c ? c.Reason : e.Message;
            }

            if (problem is null)
            {
                return (loaded, problems);
            }

            InMemoryLedgerLog.CheckpointIgnored(_logger, path, problem);
            problems.Add(new CheckpointProblem(path, block < 0 ? null : block, problem));
        }

        return (null, problems);
    }

    /// <summary>Called by the producer after each published block; starts a checkpoint when one is due and none is being written.</summary>
    public void Committed(LedgerBlock block, StateSnapshot state, Func<KeyValuePair<Address, ulong>[]> nonces)
    {
        if (_interval <= 0)
        {
            return;
        }

        _sinceLast += block.Transactions.Count;
        if (_sinceLast < _interval || !_writing.IsCompleted)
        {
            return;
        }

        _sinceLast = 0;
        EmbeddedBlockHeader header = block.Header;
        KeyValuePair<Address, ulong>[] taken = nonces();
        _writing = Task.Run(() => WriteLogged(header, state, taken));
    }

    /// <summary>Writes a checkpoint now and removes the oldest beyond the number kept.</summary>
    public void Write(EmbeddedBlockHeader header, StateSnapshot state, IReadOnlyList<KeyValuePair<Address, ulong>> nonces)
    {
        string path = Path.Combine(_directory, $"{Prefix}{header.Number.ToString("D12", CultureInfo.InvariantCulture)}{Extension}");
        string temporary = path + Temporary;
        File.Delete(temporary);
        StateCheckpoint.Write(temporary, header, state, nonces);
        File.Move(temporary, path, overwrite: true);
        foreach ((string old, _) in Files().Skip(_keep))
        {
            File.Delete(old);
        }
    }

    /// <summary>
    /// On a clean close: waits for the checkpoint being written, then writes one of the head when
    /// transactions were committed since the last, so the next open replays nothing.
    /// </summary>
    public async Task CloseAsync(LedgerBlock head, StateSnapshot state, KeyValuePair<Address, ulong>[] nonces)
    {
        await _writing;
        if (_interval > 0 && _sinceLast > 0)
        {
            _sinceLast = 0;
            _writing = Task.Run(() => WriteLogged(head.Header, state, nonces));
            await _writing;
        }
    }

    /// <summary>Waits for the checkpoint being written, if any.</summary>
    public async ValueTask DisposeAsync() => await _writing;

    private void WriteLogged(EmbeddedBlockHeader header, StateSnapshot state, KeyValuePair<Address, ulong>[] nonces)
    {
        try
        {
            Write(header, state, nonces);
            InMemoryLedgerLog.CheckpointWritten(_logger, header.Number, state.Keys.Count);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A failed checkpoint costs only reopen time: the blocks are the record.
            InMemoryLedgerLog.CheckpointWriteFailed(_logger, header.Number, e);
        }
    }
}
