using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace ValueChain.Ledger.Fabric.Tests;

public sealed class CcaasPackageTests
{
    private static Dictionary<string, byte[]> Untar(ReadOnlyMemory<byte> tarGz)
    {
        var files = new Dictionary<string, byte[]>();
        using var reader = new TarReader(new GZipStream(new MemoryStream(tarGz.ToArray()), CompressionMode.Decompress));
        while (reader.GetNextEntry() is { } entry)
        {
            using var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            files[entry.Name] = content.ToArray();
        }

        return files;
    }

    [Fact]
    public void The_package_holds_ccaas_metadata_and_a_code_archive_with_the_connection()
    {
        CcaasPackage package = CcaasPackage.Create("partchain_1.0", "127.0.0.1:9999");

        Dictionary<string, byte[]> outer = Untar(package.Bytes);
        Assert.Equal(["code.tar.gz", "metadata.json"], outer.Keys.Order());
        JsonElement metadata = JsonDocument.Parse(outer["metadata.json"]).RootElement;
        Assert.Equal(("ccaas", "partchain_1.0"), (metadata.GetProperty("type").GetString(), metadata.GetProperty("label").GetString()));
        JsonElement connection = JsonDocument.Parse(Untar(outer["code.tar.gz"])["connection.json"]).RootElement;
        Assert.Equal("127.0.0.1:9999", connection.GetProperty("address").GetString());
        Assert.Equal("10s", connection.GetProperty("dial_timeout").GetString());
        Assert.False(connection.GetProperty("tls_required").GetBoolean());
    }

    [Fact]
    public void The_package_is_deterministic_and_its_id_is_the_label_and_the_sha256_of_its_bytes()
    {
        CcaasPackage first = CcaasPackage.Create("partchain_1.0", "cc.example.com:7052");
        CcaasPackage second = CcaasPackage.Create("partchain_1.0", "cc.example.com:7052");

        Assert.Equal(first.Bytes.ToArray(), second.Bytes.ToArray());
        Assert.Equal("partchain_1.0:" + Convert.ToHexStringLower(SHA256.HashData(first.Bytes.Span)), first.PackageId);
        Assert.NotEqual(first.PackageId, CcaasPackage.Create("partchain_1.0", "cc.example.com:7053").PackageId);
    }

    [Fact]
    public void With_tls_the_connection_requires_it_and_carries_the_root()
    {
        string root = GoldenFiles.Read("client.crt.pem");

        JsonElement connection = JsonDocument.Parse(Untar(Untar(CcaasPackage.Create("cc", "h:1", TimeSpan.FromSeconds(3), root).Bytes)["code.tar.gz"])["connection.json"]).RootElement;

        Assert.True(connection.GetProperty("tls_required").GetBoolean());
        Assert.Equal(root, connection.GetProperty("root_cert").GetString());
        Assert.Equal("3s", connection.GetProperty("dial_timeout").GetString());
    }

    [Theory]
    [InlineData("", "h:1")]
    [InlineData("bad label", "h:1")]
    [InlineData("ok", "no-port")]
    [InlineData("ok", "h:0")]
    [InlineData("ok", "h:99999")]
    public void Bad_labels_and_addresses_are_refused_with_what_was_wrong(string label, string address)
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(() => CcaasPackage.Create(label, address));

        Assert.Contains(label.Length == 0 || label.Contains(' ', StringComparison.Ordinal) ? "label" : "address", error.Message, StringComparison.Ordinal);
    }
}
