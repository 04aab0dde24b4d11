using Microsoft.Extensions.Logging;

namespace ValueChain.Procurement;

/// <summary>The machine agent's log messages, source-generated.</summary>
internal static partial class MachineAgentLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Machine {MachineId}: {Kind} {MaterialNumber} {Reference} (quotation {QuotationId}).")]
    public static partial void Acted(ILogger logger, string machineId, MachineAgentActionKind kind, string? materialNumber, string? reference, long? quotationId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Machine {MachineId} scanned order {OrderId} again; it is {Status} already.")]
    public static partial void ScannedAgain(ILogger logger, string machineId, string orderId, OrderStatus status);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The agent of machine {Machine} could not complete a pass ({Code}); it retries on the next.")]
    public static partial void PassFailed(ILogger logger, Exception exception, Address machine, string code);
}
