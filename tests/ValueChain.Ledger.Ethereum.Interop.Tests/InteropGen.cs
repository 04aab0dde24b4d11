using System.Numerics;
using CsCheck;

namespace ValueChain.Ledger.Ethereum.Interop.Tests;

/// <summary>Random keys, EIP-1559 transactions and typed-data messages for the interoperability properties.</summary>
internal static class InteropGen
{
    // A key from 32 random bytes; the rare value outside [1, n-1] falls back to a fixed one.
    public static readonly Gen<PrivateKey> Key = Gen.Byte.Array[32].Select(bytes =>
    {
        try
        {
            return PrivateKey.FromBytes(bytes);
        }
        catch (InvalidKeyException)
        {
            return PrivateKey.Parse("0x8f3b6e4c681fcb53e5c5aad30b063b655a04494443f775851b31d3425cfa6abd");
        }
    });

    public static readonly Gen<Address> Address = Gen.Byte.Array[20].Select(bytes => new Address(bytes));

    public static readonly Gen<UInt256> Wei = Gen.Select(Gen.ULong, Gen.ULong[0, 3], Gen.Int[0, 2])
        .Select((low, high, shape) => shape switch { 0 => UInt256.Zero, 1 => new UInt256(low), _ => new UInt256((new BigInteger(high) << 64) + low) });

    public static readonly Gen<IReadOnlyList<AccessListEntry>> AccessList =
        Gen.Select(Address, Gen.Byte.Array[32].Select(b => new Hash32(b)).Array[0, 3])
            .Select((account, keys) => new AccessListEntry(account, keys)).Array[0, 2]
            .Select(entries => (IReadOnlyList<AccessListEntry>)entries);

    /// <summary>A recipient, or null (a contract creation) one time in five.</summary>
    public static readonly Gen<Address?> Recipient = Gen.Select(Gen.Int[0, 4], Address, (shape, to) => shape == 0 ? (Address?)null : to);

    /// <summary>Type 2 transactions: any nonce and fees, a call or a creation, empty or long data, with and without an access list.</summary>
    public static readonly Gen<EthereumTransaction> Eip1559 = Gen.Select(
            Gen.Select(Gen.ULong[1, 1_000_000], Gen.ULong, Wei, Wei),
            Gen.Select(Gen.ULong[21_000, 30_000_000], Recipient, Wei, Gen.Byte.Array[0, 200]),
            AccessList)
        .Select((fees, call, accessList) => new EthereumTransaction
        {
            Type = 2, ChainId = fees.Item1, Nonce = fees.Item2, MaxPriorityFeePerGas = fees.Item3, MaxFeePerGas = fees.Item4,
            GasLimit = call.Item1, To = call.Item2, Value = call.Item3, Data = call.Item4, AccessList = accessList,
        });
}
