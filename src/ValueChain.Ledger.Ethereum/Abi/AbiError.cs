namespace ValueChain.Ledger.Ethereum;

/// <summary>A Solidity custom error (<c>error InsufficientBalance(uint256 available, uint256 required)</c>).</summary>
/// <param name="Name">The error's name.</param>
/// <param name="Parameters">The types of its fields, in order.</param>
public sealed record AbiError(string Name, IReadOnlyList<AbiType> Parameters)
{
    /// <summary>The canonical signature, e.g. <c>InsufficientBalance(uint256,uint256)</c>.</summary>
    public string Signature => AbiSignature.Canonical(Name, Parameters);

    /// <summary>The four bytes that start the revert data of this error.</summary>
    public byte[] Selector => AbiSignature.Selector(Signature);

    /// <summary>
    /// Creates the exception for a revert with this error from its decoded field values and raw revert
    /// data; generated bindings set it to build their typed subclass of <see cref="CustomErrorException"/>.
    /// When null, <see cref="RevertDecoder"/> creates a plain <see cref="CustomErrorException"/>.
    /// </summary>
    public Func<IReadOnlyList<object>, ReadOnlyMemory<byte>, CustomErrorException>? Factory { get; init; }
}
