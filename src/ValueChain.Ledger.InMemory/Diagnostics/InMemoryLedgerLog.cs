using Microsoft.Extensions.Logging;

namespace ValueChain.Ledger.InMemory;

/// <summary>The embedded ledger's log messages, with their stable event ids (1100–1199; see the README's table; ids are never reused).</summary>
internal static partial class InMemoryLedgerLog
{
    [LoggerMessage(EventId = 1100, EventName = "TransactionRefused", Level = LogLevel.Information, Message = "Transaction {TransactionId} refused ({Code}): {Reason}")]
    public static partial void TransactionRefused(ILogger logger, TxId transactionId, string code, string reason);

    [LoggerMessage(EventId = 1101, EventName = "ProductionFailed", Level = LogLevel.Error, Message = "Block production failed; the transactions of this intake were not committed")]
    public static partial void ProductionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1102, EventName = "CheckpointIgnored", Level = LogLevel.Warning, Message = "Checkpoint {Path} is not used: {Problem}")]
    public static partial void CheckpointIgnored(ILogger logger, string path, string problem);

    [LoggerMessage(EventId = 1103, EventName = "CheckpointWritten", Level = LogLevel.Information, Message = "Wrote the checkpoint of block {Block} ({Keys} keys)")]
    public static partial void CheckpointWritten(ILogger logger, long block, int keys);

    [LoggerMessage(EventId = 1104, EventName = "CheckpointWriteFailed", Level = LogLevel.Error, Message = "Writing the checkpoint of block {Block} failed; the ledger goes on without it")]
    public static partial void CheckpointWriteFailed(ILogger logger, long block, Exception exception);

    [LoggerMessage(EventId = 1105, EventName = "Verified", Level = LogLevel.Information, Message = "Background verification: all {Blocks} blocks verify")]
    public static partial void Verified(ILogger logger, long blocks);

    [LoggerMessage(EventId = 1106, EventName = "CorruptionFound", Level = LogLevel.Critical, Message = "Background verification: block {Block} does not verify: {Problem}")]
    public static partial void CorruptionFound(ILogger logger, long block, string problem);

    [LoggerMessage(EventId = 1107, EventName = "Opened", Level = LogLevel.Information, Message = "Opened ledger {NetworkId} at height {Height}: checkpoint of block {Checkpoint}, {Replayed} blocks replayed, {Rejected} checkpoints ignored")]
    public static partial void Opened(ILogger logger, string networkId, long height, long? checkpoint, long replayed, int rejected);
}
