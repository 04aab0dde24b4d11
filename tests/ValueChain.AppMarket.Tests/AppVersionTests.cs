using System.Text.Json;
using CsCheck;

namespace ValueChain.AppMarket.Tests;

public sealed class AppVersionTests
{
    [Theory]
    [InlineData("1.2.3", 1, 2, 3)]
    [InlineData("0.0.1", 0, 0, 1)]
    [InlineData("65535.0.7", 65535, 0, 7)]
    public void A_version_is_read_from_major_minor_patch(string text, int major, int minor, int patch)
    {
        Assert.Equal(new AppVersion(major, minor, patch), AppVersion.Parse(text));
        Assert.Equal(text, AppVersion.Parse(text).ToString());
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("0.0.0")]
    [InlineData("1.-2.3")]
    [InlineData("1.65536.0")]
    [InlineData("v1.2.3")]
    [InlineData("")]
    public void Anything_else_is_refused_naming_the_field(string text)
    {
        var error = Assert.Throws<ValueChainFormatException>(() => AppVersion.Parse(text));

        Assert.Equal("version", error.ParameterName);
        Assert.Equal(ErrorCodes.InvalidFormat, error.Code);
    }

    [Fact]
    public void Packed_versions_order_as_the_versions_do_and_unpack_to_themselves()
    {
        Gen<AppVersion> versions = Gen.Select(Gen.Int[0, 65535], Gen.Int[0, 65535], Gen.Int[1, 65535], (a, b, c) => new AppVersion(a, b, c));
        Gen.Select(versions, versions).Sample((x, y) =>
        {
            Assert.Equal(Math.Sign(x.Packed.CompareTo(y.Packed)), Math.Sign(CompareParts(x, y)));
            Assert.Equal(x, AppVersion.FromPacked(x.Packed));
        });
    }

    [Fact]
    public void In_json_a_version_is_its_text()
    {
        Assert.Equal("\"2.10.0\"", JsonSerializer.Serialize(AppVersion.Parse("2.10.0")));
        Assert.Equal(new AppVersion(2, 10, 0), JsonSerializer.Deserialize<AppVersion>("\"2.10.0\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AppVersion>("\"2.10\""));
    }

    private static int CompareParts(AppVersion x, AppVersion y) =>
        x.Major != y.Major ? x.Major.CompareTo(y.Major) : x.Minor != y.Minor ? x.Minor.CompareTo(y.Minor) : x.Patch.CompareTo(y.Patch);
}
