using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ValueChain.Flexibility;

/// <summary>
/// A signed meter value in the Open Charge Metering Format: <c>OCMF|{payload}|{signature}</c>. The
/// signature covers the exact payload bytes, so the payload is kept as written; it is delimited by
/// parsing its JSON, never by splitting on '|' (a '|' may stand inside a payload string).
/// </summary>
public sealed class OcmfRecord
{
    /// <summary>The signature algorithm this SDK verifies (OCMF's default).</summary>
    public const string P256Sha256 = "ECDSA-secp256r1-SHA256";

    private OcmfRecord(string text, string payload, string algorithm, byte[] signature, string? meterSerial, string pagination, IReadOnlyList<OcmfReading> readings)
    {
        Text = text;
        Payload = payload;
        SignatureAlgorithm = algorithm;
        Signature = signature;
        MeterSerial = meterSerial;
        Pagination = pagination;
        Readings = readings;
    }

    /// <summary>The whole record as given.</summary>
    public string Text { get; }

    /// <summary>The payload JSON exactly as signed.</summary>
    public string Payload { get; }

    /// <summary>The signature algorithm (<c>SA</c>; OCMF's default when absent).</summary>
    public string SignatureAlgorithm { get; }

    /// <summary>The DER-encoded ECDSA signature (<c>SD</c>).</summary>
    public byte[] Signature { get; }

    /// <summary>The meter's serial number (<c>MS</c>).</summary>
    public string? MeterSerial { get; }

    /// <summary>The pagination (<c>PG</c>), for example T12345: a T(ransaction) or F(iscal) counter.</summary>
    public string Pagination { get; }

    /// <summary>The readings (<c>RD</c>).</summary>
    public IReadOnlyList<OcmfReading> Readings { get; }

    /// <summary>
    /// The meter's nonce: its pagination counter, with the counter's letter in the high bits so that
    /// transaction and fiscal counters never collide.
    /// </summary>
    public UInt256 Nonce => new UInt256((ulong)Pagination[0]) * new UInt256(1UL << 32) * new UInt256(1UL << 32) + ulong.Parse(Pagination.AsSpan(1), CultureInfo.InvariantCulture);

    /// <summary>The energy between the begin and end readings, in watt-hours (exact decimal arithmetic).</summary>
    /// <exception cref="ValueChainFormatException">No begin and end reading, different units, or a negative or fractional amount.</exception>
    public ulong EnergyWh()
    {
        OcmfReading begin = Readings.FirstOrDefault(r => r.Type == "B") ?? throw new ValueChainFormatException("OCMF readings", Payload, "no begin reading (TX B)");
        OcmfReading end = Readings.LastOrDefault(r => r.Type == "E") ?? throw new ValueChainFormatException("OCMF readings", Payload, "no end reading (TX E)");
        decimal factor = (begin.Unit ?? end.Unit) switch { "kWh" => 1000m, "Wh" => 1m, var unit => throw new ValueChainFormatException("OCMF unit", unit, "expected kWh or Wh") };
        decimal wattHours = (end.Value - begin.Value) * factor;
        if (wattHours < 0 || wattHours != decimal.Truncate(wattHours))
        {
            throw new ValueChainFormatException("OCMF readings", Payload, $"the energy {wattHours} Wh is negative or not whole");
        }

        return (ulong)wattHours;
    }

    /// <summary>The time of the begin reading.</summary>
    public DateTimeOffset StartTime => Readings.FirstOrDefault(r => r.Type == "B")?.Time ?? Readings[0].Time;

    /// <summary>True when the signature verifies with the meter's P-256 public key (65-byte uncompressed or SPKI DER).</summary>
    /// <remarks>High-s signatures are normalised to low s first, as the fleet operator does before submitting
    /// to a contract that, like OpenZeppelin's P256, accepts only low s: both accept the same records.</remarks>
    public bool IsSignedBy(ReadOnlySpan<byte> meterPublicKey)
    {
        if (LowSSignature() is not { } signature)
        {
            return false;
        }

        try
        {
            using ECDsa key = P256Keys.Import(meterPublicKey);
            return key.VerifyData(Encoding.UTF8.GetBytes(Payload), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// The signature as r ‖ s (32 bytes each) with s in the lower half of the curve order, the form contracts
    /// verify (OpenZeppelin's P256); null when the algorithm is not <see cref="P256Sha256"/> or the DER is malformed.
    /// </summary>
    public byte[]? LowSSignature()
    {
        if (SignatureAlgorithm != P256Sha256)
        {
            return null;
        }

        try
        {
            return P256Keys.LowS(P256Keys.DerToFixed(Signature));
        }
        catch (Exception e) when (e is CryptographicException or System.Formats.Asn1.AsnContentException)
        {
            return null;
        }
    }

    /// <summary>Parses an OCMF record.</summary>
    /// <exception cref="ValueChainFormatException">Not <c>OCMF|{payload}|{signature}</c>, or a field is malformed.</exception>
    public static OcmfRecord Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith("OCMF|", StringComparison.Ordinal))
        {
            throw new ValueChainFormatException("OCMF record", text, "must start with 'OCMF|'");
        }

        string payload = JsonObjectAt(text, 5, out int next);
        if (next >= text.Length || text[next] != '|')
        {
            throw new ValueChainFormatException("OCMF record", text, "the payload must be followed by '|' and the signature");
        }

        string signatureJson = JsonObjectAt(text, next + 1, out int end);
        if (end != text.Length)
        {
            throw new ValueChainFormatException("OCMF record", text, "unexpected text after the signature");
        }

        try
        {
            using JsonDocument signature = JsonDocument.Parse(signatureJson);
            string algorithm = signature.RootElement.TryGetProperty("SA", out JsonElement sa) ? sa.GetString() ?? P256Sha256 : P256Sha256;
            byte[] der = Hex.Decode(signature.RootElement.GetProperty("SD").GetString() ?? "", "OCMF signature data");
            using JsonDocument document = JsonDocument.Parse(payload);
            JsonElement root = document.RootElement;
            string pagination = root.GetProperty("PG").GetString() ?? "";
            if (pagination.Length < 2 || pagination[0] is not ('T' or 'F') || pagination.AsSpan(1).IndexOfAnyExceptInRange('0', '9') >= 0 || pagination.Length > 20)
            {
                throw new ValueChainFormatException("OCMF pagination", pagination, "expected T or F followed by the counter");
            }

            var readings = root.GetProperty("RD").EnumerateArray().Select(ReadingOf).ToList();
            if (readings.Count == 0)
            {
                throw new ValueChainFormatException("OCMF readings", payload, "RD holds no reading");
            }

            string? serial = root.TryGetProperty("MS", out JsonElement ms) ? ms.GetString() : null;
            return new OcmfRecord(text, payload, algorithm, der, serial, pagination, readings);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new ValueChainFormatException("OCMF record", text, e.Message);
        }
    }

    private static OcmfReading ReadingOf(JsonElement reading)
    {
        string time = reading.GetProperty("TM").GetString() ?? "";
        decimal value = reading.TryGetProperty("RV", out JsonElement rv) ? decimal.Parse(rv.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture) : 0m;
        return new OcmfReading(OcmfTime(time), StringField(reading, "TX"), value, StringField(reading, "RI"), StringField(reading, "RU"));
    }

    private static string? StringField(JsonElement element, string name) => element.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;

    // OCMF time: 2018-07-24T13:22:04,000+0200 S (comma decimals, offset without colon, a clock-sync flag).
    private static DateTimeOffset OcmfTime(string text)
    {
        string[] parts = text.Split(' ');
        string stamp = parts[0];
        if (stamp.Length < 5)
        {
            throw new ValueChainFormatException("OCMF time", text, "expected yyyy-MM-ddTHH:mm:ss,fff+hhmm");
        }

        string iso = string.Concat(stamp.AsSpan(0, stamp.Length - 2).ToString().Replace(',', '.'), ":", stamp.AsSpan(stamp.Length - 2));
        return DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset time)
            ? time
            : throw new ValueChainFormatException("OCMF time", text, "expected yyyy-MM-ddTHH:mm:ss,fff+hhmm");
    }

    // Finds the JSON object that starts at index and returns its exact text.
    private static string JsonObjectAt(string text, int index, out int end)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text[index..]);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = false });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ValueChainFormatException("OCMF record", text, $"expected a JSON object at position {index}");
            }

            reader.Skip();
        }
        catch (JsonException)
        {
            throw new ValueChainFormatException("OCMF record", text, $"the JSON object at position {index} is incomplete or malformed");
        }

        string json = Encoding.UTF8.GetString(utf8, 0, (int)reader.BytesConsumed);
        end = index + json.Length;
        return json;
    }
}
