namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// A contract call or transaction reverted. The subclasses carry what the revert data says:
/// <see cref="RevertReasonException"/> for <c>require(…, "reason")</c>, <see cref="PanicException"/> for
/// <c>assert</c> and checked-arithmetic failures, <see cref="CustomErrorException"/> for Solidity custom
/// errors. This class alone means the data was empty or matched no known error.
/// </summary>
public class ContractRevertedException : ChaincodeException
{
    /// <summary>Creates a revert error.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="message">What the contract said.</param>
    /// <param name="revertData">The raw revert data returned by the node.</param>
    public ContractRevertedException(string code, string message, ReadOnlyMemory<byte> revertData)
        : base(code, message)
    {
        RevertData = revertData;
    }

    /// <summary>The raw revert data (empty for a bare <c>revert()</c>).</summary>
    public ReadOnlyMemory<byte> RevertData { get; }
}

/// <summary>The contract reverted with <c>Error(string)</c>, as <c>require(condition, "reason")</c> does.</summary>
public sealed class RevertReasonException : ContractRevertedException
{
    /// <summary>Creates the error.</summary>
    public RevertReasonException(string reason, ReadOnlyMemory<byte> revertData)
        : base(ErrorCodes.ContractReverted, $"The contract reverted: {reason}", revertData)
    {
        Reason = reason;
    }

    /// <summary>The reason string.</summary>
    public string Reason { get; }
}

/// <summary>The contract reverted with <c>Panic(uint256)</c>: a failed assert, overflow, division by zero, bad index….</summary>
public sealed class PanicException : ContractRevertedException
{
    /// <summary>Creates the error.</summary>
    public PanicException(ulong panicCode, ReadOnlyMemory<byte> revertData)
        : base(ErrorCodes.ContractReverted, $"The contract panicked with code 0x{panicCode:x2}: {Describe(panicCode)}", revertData)
    {
        PanicCode = panicCode;
    }

    /// <summary>The panic code (see the Solidity documentation, "Panic via assert and Error via require").</summary>
    public ulong PanicCode { get; }

    /// <summary>What the code means.</summary>
    public string Description => Describe(PanicCode);

    private static string Describe(ulong code) => code switch
    {
        0x00 => "generic compiler panic",
        0x01 => "assertion failed",
        0x11 => "arithmetic overflow or underflow",
        0x12 => "division or modulo by zero",
        0x21 => "conversion to an enum out of range",
        0x22 => "incorrectly encoded storage byte array",
        0x31 => "pop on an empty array",
        0x32 => "array index out of bounds",
        0x41 => "too much memory allocated",
        0x51 => "call of a zero-initialised function variable",
        _ => "unknown panic code",
    };
}

/// <summary>
/// The contract reverted with a custom error it declares. <see cref="ValueChainException.Code"/> is the
/// error's name in snake case (<c>Unauthorized</c> → <c>unauthorized</c>, <c>NotFound</c> →
/// <c>not_found</c>), so contract errors named like <see cref="ErrorCodes"/> read the same on every driver.
/// Generated bindings derive one class per declared error with its fields as typed properties.
/// </summary>
public class CustomErrorException : ContractRevertedException
{
    /// <summary>Creates the error.</summary>
    public CustomErrorException(AbiError error, IReadOnlyList<object> values, ReadOnlyMemory<byte> revertData)
        : base(ToSnakeCase(error?.Name ?? throw new ArgumentNullException(nameof(error))), $"The contract reverted with {error.Name}({string.Join(", ", values ?? [])})", revertData)
    {
        Error = error;
        Values = values ?? [];
    }

    /// <summary>The declared error.</summary>
    public AbiError Error { get; }

    /// <summary>The error's field values, decoded as by <see cref="AbiDecoder"/>.</summary>
    public IReadOnlyList<object> Values { get; }

    private static string ToSnakeCase(string name) => string.Concat(name.Select((c, i) =>
        char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
