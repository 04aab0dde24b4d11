using CsCheck;

namespace ValueChain.Flexibility.Tests;

public sealed class OcmfTests : IDisposable
{
    private static readonly DateTimeOffset Begin = new(2026, 11, 25, 18, 0, 0, TimeSpan.FromHours(1));
    private readonly SimulatedMeter _meter = new("SIM-0001");

    public void Dispose() => _meter.Dispose();

    private string Record(ulong counter = 42, decimal from = 2935.6m, decimal to = 2942.825m) =>
        _meter.SignOcmf(counter, Begin, from, Begin.AddMinutes(15), to);

    [Fact]
    public void A_signed_record_parses_and_verifies_with_the_meters_key()
    {
        OcmfRecord record = OcmfRecord.Parse(Record());

        Assert.True(record.IsSignedBy(_meter.P256PublicKey));
        Assert.Equal("SIM-0001", record.MeterSerial);
        Assert.Equal("T42", record.Pagination);
        Assert.Equal(7_225UL, record.EnergyWh());
        Assert.Equal(Begin, record.StartTime);
        Assert.StartsWith("{\"FV\":\"1.0\"", record.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_meters_key_does_not_verify()
    {
        using var other = new SimulatedMeter("SIM-0002");

        Assert.False(OcmfRecord.Parse(Record()).IsSignedBy(other.P256PublicKey));
    }

    [Fact]
    public void Changing_any_byte_of_the_payload_after_signing_breaks_the_signature()
    {
        string text = Record();
        int payloadStart = 5, payloadEnd = text.IndexOf("}|{", StringComparison.Ordinal) + 1;
        Gen.Int[payloadStart, payloadEnd - 1].Select(Gen.Char['0', 'z']).Sample((position, replacement) =>
        {
            if (text[position] == replacement)
            {
                return;
            }

            string tampered = string.Concat(text.AsSpan(0, position), replacement.ToString(), text.AsSpan(position + 1));
            try
            {
                Assert.False(OcmfRecord.Parse(tampered).IsSignedBy(_meter.P256PublicKey), $"byte {position} changed to '{replacement}' still verifies");
            }
            catch (ValueChainFormatException)
            {
                // A change that breaks the format is refused before the signature is even checked.
            }
        }, iter: 300);
    }

    [Fact]
    public void High_and_low_s_signatures_both_verify_as_the_same_record()
    {
        // Randomised ECDSA gives high s about half the time; the verifier normalises as the FO does for the contract.
        int highS = 0;
        for (ulong counter = 0; counter < 24; counter++)
        {
            OcmfRecord record = OcmfRecord.Parse(Record(counter));
            Assert.True(record.IsSignedBy(_meter.P256PublicKey));
            byte[] fixedSize = P256Keys.DerToFixed(record.Signature);
            if (!P256Keys.LowS(fixedSize).AsSpan().SequenceEqual(fixedSize))
            {
                highS++;
            }
        }

        // Both kinds occurred (all 24 alike has probability 2^-23).
        Assert.InRange(highS, 1, 23);
    }

    [Fact]
    public void A_pipe_inside_a_payload_string_does_not_end_the_payload()
    {
        string text = Record().Replace("\"ID\":\"\"", "\"ID\":\"A|B\"", StringComparison.Ordinal);

        OcmfRecord record = OcmfRecord.Parse(text);

        Assert.Contains("A|B", record.Payload, StringComparison.Ordinal);
        Assert.False(record.IsSignedBy(_meter.P256PublicKey));
    }

    [Fact]
    public void Transaction_and_fiscal_counters_are_different_nonces()
    {
        OcmfRecord transaction = OcmfRecord.Parse(Record(7));
        OcmfRecord fiscal = OcmfRecord.Parse(Record(7).Replace("\"PG\":\"T7\"", "\"PG\":\"F7\"", StringComparison.Ordinal));

        Assert.NotEqual(transaction.Nonce, fiscal.Nonce);
    }

    [Theory]
    [InlineData("OCMF|{\"PG\":\"T1\"")]
    [InlineData("OCMF{\"PG\":\"T1\"}|{\"SD\":\"00\"}")]
    [InlineData("OCMF|{\"PG\":\"X1\",\"RD\":[]}|{\"SD\":\"00\"}")]
    [InlineData("OCMF|{\"PG\":\"T1\",\"RD\":[]}|{\"SD\":\"zz\"}")]
    [InlineData("OCMF|{\"PG\":\"T1\",\"RD\":[]}|{\"SD\":\"00\"}trailing")]
    [InlineData("OCMF|{\"PG\":\"T1\",\"RD\":[{\"TM\":\"yesterday\"}]}|{\"SD\":\"00\"}")]
    public void A_malformed_record_is_a_typed_error(string text)
    {
        var error = Assert.Throws<ValueChainFormatException>(() => OcmfRecord.Parse(text));

        Assert.Equal(ErrorCodes.InvalidFormat, error.Code);
    }

    [Fact]
    public void A_negative_or_fractional_energy_is_refused()
    {
        Assert.Throws<ValueChainFormatException>(() => OcmfRecord.Parse(Record(from: 10m, to: 9m)).EnergyWh());
        const string fractional = "OCMF|{\"PG\":\"T1\",\"RD\":[" +
            "{\"TM\":\"2026-11-25T18:00:00,000+0100 S\",\"TX\":\"B\",\"RV\":1,\"RU\":\"kWh\"}," +
            "{\"TM\":\"2026-11-25T18:15:00,000+0100 S\",\"TX\":\"E\",\"RV\":1.0005,\"RU\":\"kWh\"}]}|{\"SD\":\"00\"}";
        Assert.Throws<ValueChainFormatException>(() => OcmfRecord.Parse(fractional).EnergyWh());
    }
}
