using System.Net;
using System.Text.Json;

namespace ValueChain.Ledger.Fabric.Testing;

/// <summary>
/// Where a live Fabric network is, read from the JSON file named by VALUECHAIN_FABRIC_NETWORK (see the
/// README, "Live Fabric tests"). Without the variable the live tests are reported as skipped.
/// </summary>
public sealed record LiveFabricSettings(
    string Channel,
    string MspId,
    FabricEndpoint Peer,
    FabricEndpoint Orderer,
    string CaCertificatePem,
    string CaKeyPem,
    string AdminCertificatePem,
    string AdminKeyPem,
    string PackageId,
    IPEndPoint ChaincodeListen)
{
    public const string Variable = "VALUECHAIN_FABRIC_NETWORK";

    public static string SkipReason => $"No live Fabric network: set {Variable} to a network description file (README, \"Live Fabric tests\").";

    /// <summary>The settings, or null when the variable is not set; a set variable with a bad file fails loudly.</summary>
    public static LiveFabricSettings? FromEnvironment()
    {
        string? path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        JsonElement root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        string Text(string name) => root.GetProperty(name).GetString() ?? throw new InvalidDataException($"{path}: '{name}' is null");
        string FileText(string name) => File.ReadAllText(Text(name));
        FabricEndpoint Endpoint(string name)
        {
            JsonElement e = root.GetProperty(name);
            return new FabricEndpoint
            {
                Address = e.GetProperty("address").GetString()!,
                TlsRootCertificatePem = e.TryGetProperty("tlsRoot", out JsonElement tls) ? File.ReadAllText(tls.GetString()!) : null,
                ServerNameOverride = e.TryGetProperty("hostName", out JsonElement host) ? host.GetString() : null,
                // Mutual TLS, for nodes that require client certificates.
                ClientCertificatePem = e.TryGetProperty("clientCertificate", out JsonElement certificate) ? File.ReadAllText(certificate.GetString()!) : null,
                ClientKeyPem = e.TryGetProperty("clientKey", out JsonElement key) ? File.ReadAllText(key.GetString()!) : null,
            };
        }

        return new LiveFabricSettings(
            Text("channel"), Text("mspId"), Endpoint("peer"), Endpoint("orderer"),
            FileText("caCertificate"), FileText("caKey"), FileText("adminCertificate"), FileText("adminKey"),
            Text("packageId"), IPEndPoint.Parse(Text("chaincodeListen")));
    }
}
