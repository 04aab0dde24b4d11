using System.Numerics;
using CsCheck;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;

namespace ValueChain.Ledger.Ethereum.Interop.Tests;

/// <summary>On random arguments, ValueChain's ABI encoder and Nethereum 6.1's give the same call data.</summary>
public sealed class AbiInteropTests
{
    // The test contract's echo function: dynamic and static types, a dynamic array and a fixed array.
    private static readonly string[] Types = ["string", "bytes", "int128", "bool", "bytes4", "uint8[]", "address[2]", "uint256", "bytes32"];

    private static readonly AbiFunction Ours = new("echo", [.. Types.Select(AbiType.Parse)], []);

    private static readonly Parameter[] Theirs = [.. Types.Select((type, i) => new Parameter(type, i + 1))];

    private static readonly Gen<BigInteger> Int128 = Gen.Select(Gen.Long, Gen.ULong, (high, low) => (new BigInteger(high) << 64) + low);

    [Fact]
    public void Call_data_agrees_with_Nethereum() =>
        Gen.Select(
                Gen.Select(Gen.String, Gen.Byte.Array[0, 100], Int128, Gen.Bool),
                Gen.Select(Gen.Byte.Array[4], Gen.Byte.Array[0, 6], InteropGen.Address.Array[2], InteropGen.Wei),
                Gen.Byte.Array[32])
            .Sample((a, b, word) =>
            {
                object[] ours = [a.Item1, a.Item2, a.Item3, a.Item4, b.Item1, b.Item2.Select(x => (object)x).ToList(), b.Item3, b.Item4, word];
                object[] theirs = [a.Item1, a.Item2, a.Item3, a.Item4, b.Item1, b.Item2.Select(x => new BigInteger(x)).ToList(), b.Item3.Select(x => x.ToString()).ToList(), b.Item4.Value, word];
                string encoded = new FunctionCallEncoder().EncodeRequest(Hex.Encode(Ours.Selector, prefix: false), Theirs, theirs);
                Assert.Equal(Hex.Encode(Ours.EncodeCall(ours)), encoded.StartsWith("0x", StringComparison.Ordinal) ? encoded : "0x" + encoded);
            });
}
