using System.Numerics;

namespace ValueChain.Ledger.Ethereum;

/// <summary>Turns the revert data a node returns into the matching typed <see cref="ContractRevertedException"/>.</summary>
public static class RevertDecoder
{
    /// <summary><c>Error(string)</c>, what <c>require(condition, "reason")</c> reverts with.</summary>
    public static readonly AbiError ErrorString = new("Error", [AbiType.Parse("string")]);

    /// <summary><c>Panic(uint256)</c>, what failed asserts and checked arithmetic revert with.</summary>
    public static readonly AbiError Panic = new("Panic", [AbiType.Parse("uint256")]);

    /// <summary>
    /// The exception for <paramref name="revertData"/>, matching <c>Error(string)</c>, <c>Panic(uint256)</c>
    /// and the contract's <paramref name="customErrors"/> by selector. Data that matches nothing, or does
    /// not decode, gives a plain <see cref="ContractRevertedException"/> that keeps the raw bytes.
    /// </summary>
    public static ContractRevertedException Decode(ReadOnlyMemory<byte> revertData, IEnumerable<AbiError>? customErrors = null)
    {
        if (revertData.Length < 4)
        {
            return new ContractRevertedException(ErrorCodes.ContractReverted, "The contract reverted without a reason.", revertData);
        }

        ReadOnlySpan<byte> selector = revertData.Span[..4];
        ReadOnlySpan<byte> body = revertData.Span[4..];
        try
        {
            if (selector.SequenceEqual(ErrorString.Selector))
            {
                return new RevertReasonException((string)AbiDecoder.Decode(ErrorString.Parameters, body)[0], revertData);
            }

            if (selector.SequenceEqual(Panic.Selector))
            {
                var code = (BigInteger)AbiDecoder.Decode(Panic.Parameters, body)[0];
                return new PanicException(code <= ulong.MaxValue ? (ulong)code : ulong.MaxValue, revertData);
            }

            foreach (AbiError error in customErrors ?? [])
            {
                if (selector.SequenceEqual(error.Selector))
                {
                    object[] values = AbiDecoder.Decode(error.Parameters, body);
                    return error.Factory?.Invoke(values, revertData) ?? new CustomErrorException(error, values, revertData);
                }
            }
        }
        catch (ValueChainFormatException)
        {
            // A selector that matched but data that does not decode: report the raw revert rather than a decoding fault.
        }

        return new ContractRevertedException(
            ErrorCodes.ContractReverted, $"The contract reverted with unrecognised data {Hex.Encode(revertData.Span[..Math.Min(revertData.Length, 68)])}.", revertData);
    }
}
