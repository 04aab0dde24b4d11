using System.Numerics;

namespace ValueChain.Ledger.Ethereum.Tests;

public sealed class RevertDecoderTests
{
    [Fact]
    public void Standard_selectors_are_the_published_ones()
    {
        Assert.Equal("0x08c379a0", Hex.Encode(RevertDecoder.ErrorString.Selector));
        Assert.Equal("0x4e487b71", Hex.Encode(RevertDecoder.Panic.Selector));
    }

    // The example of the Solidity documentation ("Error handling: Assert, Require, Revert and Exceptions").
    [Fact]
    public void A_reason_string_from_the_solidity_documentation_decodes()
    {
        byte[] data = Hex.Decode(
            "0x08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "000000000000000000000000000000000000000000000000000000000000001a"
            + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000");

        var error = Assert.IsType<RevertReasonException>(RevertDecoder.Decode(data));

        Assert.Equal("Not enough Ether provided.", error.Reason);
        Assert.Equal(ErrorCodes.ContractReverted, error.Code);
        Assert.Contains("Not enough Ether provided.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_panic_carries_its_code_and_meaning()
    {
        byte[] data = AbiEncoder.EncodeCall("Panic(uint256)", RevertDecoder.Panic.Parameters, [0x11]);

        var error = Assert.IsType<PanicException>(RevertDecoder.Decode(data));

        Assert.Equal(0x11UL, error.PanicCode);
        Assert.Equal("arithmetic overflow or underflow", error.Description);
    }

    [Fact]
    public void A_custom_error_decodes_its_fields_and_maps_its_name_to_a_code()
    {
        var insufficient = new AbiError("InsufficientBalance", [AbiType.Parse("uint256"), AbiType.Parse("uint256")]);
        var notFound = new AbiError("NotFound", [AbiType.Parse("bytes32")]);
        byte[] data = AbiEncoder.EncodeCall(insufficient.Signature, insufficient.Parameters, [5, 7]);

        var error = Assert.IsType<CustomErrorException>(RevertDecoder.Decode(data, [notFound, insufficient]));

        Assert.Same(insufficient, error.Error);
        Assert.Equal([new BigInteger(5), new BigInteger(7)], error.Values.Cast<BigInteger>());
        Assert.Equal("insufficient_balance", error.Code);
        Assert.Equal(ErrorCodes.NotFound, new CustomErrorException(notFound, [new byte[32]], data).Code);
    }

    [Theory]
    [InlineData("0x")] // bare revert()
    [InlineData("0xdeadbeef")] // an error this contract does not declare
    [InlineData("0x08c379a0ff")] // Error(string) whose body does not decode
    public void Unknown_or_empty_data_gives_a_plain_revert_that_keeps_the_bytes(string hex)
    {
        byte[] data = Hex.Decode(hex);

        ContractRevertedException error = RevertDecoder.Decode(data);

        Assert.Equal(typeof(ContractRevertedException), error.GetType());
        Assert.Equal(data, error.RevertData.ToArray());
        Assert.IsAssignableFrom<ChaincodeException>(error);
    }
}
