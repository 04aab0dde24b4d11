namespace ValueChain.Traceability.Tests;

public sealed class VinTests
{
    [Theory]
    [InlineData("WVWZZZ1JZXW000001", true)]
    [InlineData("1HGCM82633A004352", true)]
    [InlineData("1HGCM82633A00435", false)]
    [InlineData("1HGCM82633A0043520", false)]
    [InlineData("1HGCM82633A00435O", false)]
    [InlineData("1HGCM82633A00435I", false)]
    [InlineData("1hgcm82633a004352", false)]
    [InlineData(null, false)]
    public void A_vin_is_17_capital_letters_and_digits_without_I_O_Q(string? partId, bool expected) =>
        Assert.Equal(expected, Vin.IsVin(partId));
}
