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

    /// <summary>Overrides the description's <c>discovery</c> for one run ("true" or "false"), without restarting the network.</summary>
    public const string DiscoveryVariable = "VALUECHAIN_FABRIC_DISCOVERY";

    /// <summary>Overrides the description's <c>collections</c>: a collection configuration file (Fabric's collections_config.json format).</summary>
    public const string CollectionsVariable = "VALUECHAIN_FABRIC_COLLECTIONS";

    /// <summary>
    /// Every peer with its organisation's admin: the description's <c>peers</c> array, or else its one <c>peer</c>
    /// (of <see cref="MspId"/>, with the admin above).
    /// </summary>
    public IReadOnlyList<LiveFabricPeer> Peers { get; init; } = [];

    /// <summary>The chaincodes' endorsement policy (the description's <c>endorsementPolicy</c>), or null for the channel's default.</summary>
    public string? EndorsementPolicy { get; init; }

    /// <summary>Whether the test clients find endorsers through discovery (the description's <c>discovery</c>).</summary>
    public bool UseDiscovery { get; init; }

    /// <summary>
    /// The private data collections every deployed definition declares (the file the description's <c>collections</c>
    /// names, or <see cref="CollectionsVariable"/>); empty when neither names one.
    /// </summary>
    public IReadOnlyList<FabricCollectionDefinition> Collections { get; init; } = [];

    /// <summary>The network script, for tests that stop a peer (the description's <c>control</c>), or null.</summary>
    public LiveFabricControl? Control { get; init; }

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
        static FabricEndpoint Endpoint(JsonElement e)
        {
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

        var settings = new LiveFabricSettings(
            Text("channel"), Text("mspId"), Endpoint(root.GetProperty("peer")), Endpoint(root.GetProperty("orderer")),
            FileText("caCertificate"), FileText("caKey"), FileText("adminCertificate"), FileText("adminKey"),
            Text("packageId"), IPEndPoint.Parse(Text("chaincodeListen")));
        return settings with
        {
            // The "peers" form (several organisations) extends the one-peer form; without it, "peer" is the only peer.
            Peers = root.TryGetProperty("peers", out JsonElement peers)
                ? [.. peers.EnumerateArray().Select(p => new LiveFabricPeer(Endpoint(p), p.GetProperty("mspId").GetString()!,
                    File.ReadAllText(p.GetProperty("adminCertificate").GetString()!), File.ReadAllText(p.GetProperty("adminKey").GetString()!)))]
                : [new LiveFabricPeer(settings.Peer, settings.MspId, settings.AdminCertificatePem, settings.AdminKeyPem)],
            EndorsementPolicy = root.TryGetProperty("endorsementPolicy", out JsonElement policy) ? policy.GetString() : null,
            UseDiscovery = Environment.GetEnvironmentVariable(DiscoveryVariable) is { Length: > 0 } useDiscovery
                ? bool.Parse(useDiscovery)
                : root.TryGetProperty("discovery", out JsonElement discovery) && discovery.GetBoolean(),
            Collections = (Environment.GetEnvironmentVariable(CollectionsVariable) is { Length: > 0 } file ? file
                    : root.TryGetProperty("collections", out JsonElement collections) ? collections.GetString() : null) is { } config
                ? FabricCollectionDefinition.ParseConfig(File.ReadAllText(config))
                : [],
            Control = root.TryGetProperty("control", out JsonElement control)
                ? new LiveFabricControl(control.GetProperty("script").GetString()!, control.GetProperty("netDir").GetString()!)
                : null,
        };
    }
}
