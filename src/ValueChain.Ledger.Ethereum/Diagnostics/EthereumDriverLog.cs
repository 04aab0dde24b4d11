using Microsoft.Extensions.Logging;

namespace ValueChain.Ledger.Ethereum;

/// <summary>The Ethereum driver's log messages, with their stable event ids (1200–1299; see the README's table; ids are never reused).</summary>
internal static partial class EthereumDriverLog
{
    [LoggerMessage(EventId = 1200, EventName = "SendRefused", Level = LogLevel.Warning, Message = "The node refused transaction {Hash} (nonce {Nonce}) from {Account}: {Reason}")]
    public static partial void SendRefused(ILogger logger, Hash32 hash, ulong nonce, Address account, string reason);

    [LoggerMessage(EventId = 1201, EventName = "NonceResynchronised", Level = LogLevel.Information, Message = "The nonce of {Account} is read again from the node: {Reason}")]
    public static partial void NonceResynchronised(ILogger logger, Address account, string reason);

    [LoggerMessage(EventId = 1202, EventName = "StallReplaced", Level = LogLevel.Warning, Message = "Account {Account} stopped advancing at nonce {Nonce}; transaction {Original} replaced by {Replacement} with fees raised by 12.5 % (replacement {Count})")]
    public static partial void StallReplaced(ILogger logger, Address account, ulong nonce, Hash32 original, Hash32 replacement, int count);

    [LoggerMessage(EventId = 1203, EventName = "DroppedResent", Level = LogLevel.Warning, Message = "The node dropped transaction {Hash} from {Account}; it is sent again under a fresh nonce")]
    public static partial void DroppedResent(ILogger logger, Hash32 hash, Address account);

    [LoggerMessage(EventId = 1204, EventName = "GapFilled", Level = LogLevel.Warning, Message = "Nonce {Nonce} of {Account} was refused while later ones arrived; filled with a zero-value self-transfer")]
    public static partial void GapFilled(ILogger logger, ulong nonce, Address account);

    [LoggerMessage(EventId = 1205, EventName = "NodeUnreachable", Level = LogLevel.Warning, Message = "The node did not take a batch of {Count} transactions from {Account} ({Reason}); asking it which arrived")]
    public static partial void NodeUnreachable(ILogger logger, int count, Address account, string reason);

    [LoggerMessage(EventId = 1206, EventName = "StallCheckFailed", Level = LogLevel.Debug, Message = "The stall check of {Account} failed this round; the next round tries again")]
    public static partial void StallCheckFailed(ILogger logger, Address account, Exception exception);
}
