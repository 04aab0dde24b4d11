using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ValueChain.Cryptography;

namespace ValueChain.Flexibility;

/// <summary>
/// A smart meter for tests and simulations that signs both record formats: EIP-712 records with its
/// secp256k1 key, OCMF payloads with its P-256 key (randomised ECDSA like real meters, so about half
/// of its signatures have a high s).
/// </summary>
public sealed class SimulatedMeter : IDisposable
{
    private readonly PrivateKey _secp256k1;
    private readonly ECDsa _p256;

    /// <summary>Creates a meter with fresh keys.</summary>
    public SimulatedMeter(string serial)
        : this(serial, PrivateKey.Generate(), ECDsa.Create(ECCurve.NamedCurves.nistP256))
    {
    }

    /// <summary>Creates a meter with given keys (the meter owns and disposes <paramref name="p256"/>).</summary>
    public SimulatedMeter(string serial, PrivateKey secp256k1, ECDsa p256)
    {
        ArgumentException.ThrowIfNullOrEmpty(serial);
        ArgumentNullException.ThrowIfNull(secp256k1);
        ArgumentNullException.ThrowIfNull(p256);
        Serial = serial;
        _secp256k1 = secp256k1;
        _p256 = p256;
        P256PublicKey = P256Keys.Uncompressed(p256);
    }

    /// <summary>The meter's serial number.</summary>
    public string Serial { get; }

    /// <summary>The address of its secp256k1 key (how the whitelist knows it for EIP-712 records).</summary>
    public Address Address => _secp256k1.Address;

    /// <summary>Its P-256 public key, 65 bytes uncompressed (how the whitelist knows it for OCMF records).</summary>
    public byte[] P256PublicKey { get; }

    /// <summary>Signs an EIP-712 record for the payment contract <paramref name="verifyingContract"/> on <paramref name="chainId"/>.</summary>
    public RecoverableSignature Sign(EnergyTransferRecord record, ulong chainId, Address verifyingContract)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Secp256k1.Sign(_secp256k1, record.Digest(chainId, verifyingContract));
    }

    /// <summary>An OCMF record of one transaction between two readings in kWh of <paramref name="obis"/> (import 1.8.0 by default, export 2.8.0).</summary>
    public string SignOcmf(ulong transactionCounter, DateTimeOffset begin, decimal beginKWh, DateTimeOffset end, decimal endKWh, string obis = "1-b:1.8.0")
    {
        string payload =
            "{\"FV\":\"1.0\",\"GI\":\"ValueChain Simulated Meter\",\"GS\":\"" + Serial + "\",\"GV\":\"1.0\",\"PG\":\"T" + transactionCounter.ToString(CultureInfo.InvariantCulture) + "\"," +
            "\"MV\":\"ValueChain\",\"MM\":\"SIM-1\",\"MS\":\"" + Serial + "\",\"MF\":\"1.0\",\"IS\":false,\"IL\":\"NONE\",\"IF\":[],\"IT\":\"NONE\",\"ID\":\"\"," +
            "\"RD\":[" + Reading(begin, "B", beginKWh, obis) + "," + Reading(end, "E", endKWh, obis) + "]}";
        byte[] der = _p256.SignData(Encoding.UTF8.GetBytes(payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return $"OCMF|{payload}|{{\"SA\":\"{OcmfRecord.P256Sha256}\",\"SD\":\"{Convert.ToHexString(der)}\"}}";
    }

    /// <inheritdoc />
    public void Dispose() => _p256.Dispose();

    private static string Reading(DateTimeOffset time, string type, decimal kWh, string obis)
    {
        string offset = time.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal);
        string stamp = time.ToString("yyyy-MM-dd'T'HH:mm:ss','fff", CultureInfo.InvariantCulture) + offset + " S";
        return $"{{\"TM\":\"{stamp}\",\"TX\":\"{type}\",\"RV\":{kWh.ToString("0.000", CultureInfo.InvariantCulture)},\"RI\":\"{obis}\",\"RU\":\"kWh\",\"RT\":\"AC\",\"EF\":\"\",\"ST\":\"G\"}}";
    }
}
