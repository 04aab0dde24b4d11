using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace ValueChain.Ledger.Fabric;

/// <summary>
/// A chaincode-as-a-service package for Fabric's ccaas external builder: a tar.gz holding
/// metadata.json (type "ccaas" and the label) and code.tar.gz with connection.json (where the peer
/// finds the chaincode server). The bytes are deterministic, so the package id is too.
/// </summary>
public sealed class CcaasPackage
{
    private static readonly DateTimeOffset FixedTime = DateTimeOffset.UnixEpoch;

    private CcaasPackage(string label, byte[] bytes)
    {
        Label = label;
        Bytes = bytes;
        PackageId = $"{label}:{Convert.ToHexStringLower(SHA256.HashData(bytes))}";
    }

    /// <summary>The package label.</summary>
    public string Label { get; }

    /// <summary>The package file's bytes (tar.gz).</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The id the peer gives the installed package: label, a colon, SHA-256 of the bytes in hex. The chaincode server registers with it.</summary>
    public string PackageId { get; }

    /// <summary>Builds a package.</summary>
    /// <param name="label">The label (letters, digits, '.', '+', '-', '_'), for example "partchain_1.0".</param>
    /// <param name="address">The chaincode server's <c>host:port</c> as the peer reaches it.</param>
    /// <param name="dialTimeout">How long the peer tries to connect.</param>
    /// <param name="tlsRootCertificatePem">With TLS: the root certificate the server's certificate chains to; null for plain HTTP/2.</param>
    /// <exception cref="ConfigurationException">The label or address is not valid.</exception>
    public static CcaasPackage Create(string label, string address, TimeSpan? dialTimeout = null, string? tlsRootCertificatePem = null)
    {
        if (string.IsNullOrEmpty(label) || !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-' or '_'))
        {
            throw new ConfigurationException($"The package label '{label}' must be non-empty and use only letters, digits, '.', '+', '-' and '_' (Fabric's rule).");
        }

        int colon = address?.LastIndexOf(':') ?? -1;
        if (address is null || colon <= 0 || !ushort.TryParse(address.AsSpan(colon + 1), out ushort port) || port == 0)
        {
            throw new ConfigurationException($"The chaincode server address '{address}' must be host:port.");
        }

        byte[] connection = Json(w =>
        {
            w.WriteString("address", address);
            w.WriteString("dial_timeout", $"{(int)(dialTimeout ?? TimeSpan.FromSeconds(10)).TotalSeconds}s");
            w.WriteBoolean("tls_required", tlsRootCertificatePem is not null);
            if (tlsRootCertificatePem is not null)
            {
                w.WriteString("root_cert", tlsRootCertificatePem);
            }
        });
        byte[] code = TarGz([("connection.json", connection)]);
        byte[] metadata = Json(w =>
        {
            w.WriteString("type", "ccaas");
            w.WriteString("label", label);
        });
        return new CcaasPackage(label, TarGz([("metadata.json", metadata), ("code.tar.gz", code)]));
    }

    /// <summary>Writes the package to <paramref name="path"/>.</summary>
    public Task WriteAsync(string path, CancellationToken cancellationToken = default) => File.WriteAllBytesAsync(path, Bytes, cancellationToken);

    private static byte[] Json(Action<Utf8JsonWriter> writeProperties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static byte[] TarGz(IEnumerable<(string Name, byte[] Content)> files)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach ((string name, byte[] content) in files)
            {
                var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new MemoryStream(content),
                    ModificationTime = FixedTime,
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                };
                tar.WriteEntry(entry);
            }
        }

        return output.ToArray();
    }
}
