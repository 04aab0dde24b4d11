using CsCheck;
using ValueChain.Testing;

namespace ValueChain.Abstractions.Tests;

public sealed class AddressTests
{
    private const string File = "ethereum/eip55.json";

    public static TheoryData<int> Entries => VectorFile.Indices(File);

    [Theory]
    [MemberData(nameof(Entries))]
    public void Eip55_checksum_matches_vector(int index)
    {
        var entry = VectorFile.Entries(File)[index];
        string lower = entry["lower"]!.GetValue<string>();
        string checksummed = entry["checksummed"]!.GetValue<string>();

        Assert.Equal(checksummed, Address.Parse(lower).ToString());
        Assert.Equal(checksummed, Address.Parse(checksummed).ToString());
        Assert.Equal(lower, Address.Parse(checksummed).ToLowerHex());
        Assert.Equal(Address.Parse(lower), Address.Parse(checksummed[2..]));
        Assert.Equal(Address.Parse(lower), Address.Parse("0x" + lower[2..].ToUpperInvariant()));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Wrong_checksum_is_refused_naming_the_input(int index)
    {
        string checksummed = VectorFile.Entries(File)[index]["checksummed"]!.GetValue<string>();
        int letter = checksummed.AsSpan(2).IndexOfAnyInRange('a', 'f');
        if (letter < 0)
        {
            letter = checksummed.AsSpan(2).IndexOfAnyInRange('A', 'F');
        }

        char[] flipped = checksummed.ToCharArray();
        flipped[2 + letter] = char.IsUpper(flipped[2 + letter]) ? char.ToLowerInvariant(flipped[2 + letter]) : char.ToUpperInvariant(flipped[2 + letter]);
        string wrong = new(flipped);
        if (wrong.AsSpan(2).IndexOfAnyInRange('a', 'f') < 0 || wrong.AsSpan(2).IndexOfAnyInRange('A', 'F') < 0)
        {
            return; // flipping made the text single-case, which carries no checksum
        }

        var error = Assert.Throws<ValueChainFormatException>(() => Address.Parse(wrong));

        Assert.Equal(wrong, error.Input);
        Assert.Contains(wrong, error.Message, StringComparison.Ordinal);
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x5a99a58bf7be803be16246e4fee16ecffa1c01", "expected 20 bytes")]
    [InlineData("0x5a99a58bf7be803be16246e4fee16ecffa1c019400", "expected 20 bytes")]
    [InlineData("0x5a99a58bf7be803be16246e4fee16ecffa1c019g", "'g' at position 39")]
    [InlineData("", "expected 20 bytes")]
    [InlineData("0x", "expected 20 bytes")]
    public void Malformed_address_is_a_typed_error_naming_the_input(string text, string reason)
    {
        var error = Assert.Throws<ValueChainFormatException>(() => Address.Parse(text));

        Assert.Equal(ErrorCodes.InvalidFormat, error.Code);
        Assert.Equal("address", error.ParameterName);
        Assert.Equal(text, error.Input);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(Address.TryParse(text, out _));
    }

    [Fact]
    public void Random_bytes_round_trip_through_text_and_order_as_bytes()
    {
        Gen.Select(Gen.Byte.Array[20], Gen.Byte.Array[20]).Sample((a, b) =>
        {
            var x = new Address(a);
            var y = new Address(b);
            Assert.Equal(x, Address.Parse(x.ToString()));
            Assert.Equal(a, x.ToArray());
            Assert.Equal(Math.Sign(a.AsSpan().SequenceCompareTo(b)), Math.Sign(x.CompareTo(y)));
            Assert.Equal(a.AsSpan().SequenceEqual(b), x == y);
        });
    }

    [Fact]
    public void Any_text_with_a_non_hex_character_or_the_wrong_length_is_a_typed_error_naming_it()
    {
        Gen<string> wrongLength = Gen.Char["0123456789abcdef"].Array[0, 80].Where(c => c.Length != 40).Select(c => "0x" + new string(c));
        Gen<string> nonHex = Gen.Select(Gen.Char["0123456789abcdef"].Array[40], Gen.Int[0, 39], Gen.Char['g', 'z'])
            .Select((digits, at, bad) => { digits[at] = bad; return "0x" + new string(digits); });
        Gen.OneOf(wrongLength, nonHex).Sample(text =>
        {
            var error = Assert.Throws<ValueChainFormatException>(() => Address.Parse(text));
            Assert.Equal(text, error.Input);
            Assert.Contains(text.Length > 140 ? text[..100] : text, error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Any_wrong_mixed_case_checksum_is_a_typed_error_naming_it()
    {
        Gen.Select(Gen.Byte.Array[20], Gen.Int[0, 39]).Sample((bytes, at) =>
        {
            string valid = new Address(bytes).ToString();
            char[] digits = valid[2..].ToCharArray();
            if (!char.IsLetter(digits[at]))
            {
                return;
            }

            digits[at] = char.IsUpper(digits[at]) ? char.ToLowerInvariant(digits[at]) : char.ToUpperInvariant(digits[at]);
            string wrong = "0x" + new string(digits);
            bool mixedCase = wrong.Skip(2).Any(char.IsUpper) && wrong.Skip(2).Any(char.IsLower);
            if (mixedCase)
            {
                Assert.Equal(wrong, Assert.Throws<ValueChainFormatException>(() => Address.Parse(wrong)).Input);
            }
            else
            {
                Assert.Equal(new Address(bytes), Address.Parse(wrong));
            }
        });
    }

    [Fact]
    public void Wrong_byte_length_is_a_typed_error()
    {
        Gen.Byte.Array[0, 64].Where(b => b.Length != 20).Sample(bytes =>
        {
            var error = Assert.Throws<ValueChainFormatException>(() => new Address(bytes));
            Assert.Contains($"not {bytes.Length}", error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_type_converter_reads_and_writes_hex_so_addresses_bind_from_configuration()
    {
        System.ComponentModel.TypeConverter converter = System.ComponentModel.TypeDescriptor.GetConverter(typeof(Address));
        Address address = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

        Assert.IsType<AddressTypeConverter>(converter);
        Assert.Equal(address, converter.ConvertFromInvariantString(" 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed "));
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", converter.ConvertToInvariantString(address));
        Assert.Throws<ValueChainFormatException>(() => converter.ConvertFromInvariantString("0x1234"));
    }
}

