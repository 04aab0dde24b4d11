using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ValueChain.Conformance.Traceability;
using ValueChain.Ledger;
using ValueChain.Ledger.Fabric;
using ValueChain.Ledger.Fabric.Testing;
using ValueChain.Testing;
using ValueChain.Traceability;

namespace ValueChain.Benchmarks;

/// <summary>
/// ValueChain's <see cref="FabricClient"/> and Hyperledger's official Node client (<c>@hyperledger/fabric-gateway</c>,
/// pinned in tools/, run by benchmarks/fabric-gateway/submit-bench.mjs) submitting the same chaincode call
/// (Traceability's <c>registerParts</c> of one part, same arguments, same participant identity) to the same live
/// network in the same run, in alternating rounds: latency one at a time and throughput with many in flight. Ours
/// endorses at the configured peers and broadcasts to the orderer itself; the official client asks the first
/// peer's Fabric Gateway service, which endorses, orders and reports the commit. Run: <c>-- fabric-side-by-side</c>.
/// </summary>
internal static class FabricGatewayComparison
{
    private static readonly Location Plant = new(new GeoPoint(48_137_154, 11_576_124), "Plant Munich");

    public static async Task RunAsync(int sequential = 100, int concurrent = 500, int inFlight = 100, int rounds = 2)
    {
        LiveFabricSettings settings = LiveFabricSettings.FromEnvironment() ?? throw new InvalidOperationException(LiveFabricSettings.SkipReason);
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores; peers {string.Join(", ", settings.Peers.Select(p => $"{p.Endpoint.Address} ({p.MspId})"))}; policy {settings.EndorsementPolicy ?? "channel default"}; discovery {settings.UseDiscovery}");
        await using LiveFabricNetwork network = await LiveFabricNetwork.StartAsync(settings);
        await network.EnrollAsync(TraceabilityActors.All);

        // One participant identity, whose key both clients sign with.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        FabricIdentity identity = await ParticipantCertificates.IssueForKeyAsync(settings.MspId, settings.CaCertificatePem, settings.CaKeyPem, TraceabilityActors.Tier2a, key, "vc-side-by-side");
        EcdsaP256Signer signer = EcdsaP256Signer.FromScalar(key.ExportParameters(includePrivateParameters: true).D);

        await using FabricClient client = network.NewClient();
        string chaincode = await network.DeployAsync(client, new TraceabilityChaincode(TraceabilityActors.Options()));
        string template = await ArgumentsTemplateAsync();
        string config = WriteNodeConfig(settings, identity, key, chaincode, template);

        await client.SubmitAsync(identity, signer, chaincode, "registerParts", template.Replace("{ID}", "WARM-OURS", StringComparison.Ordinal));
        await NodeAsync(config, "sequential", 1, 1, "WARM-NODE");

        var ours = new Figures();
        var theirs = new Figures();
        for (int round = 0; round < rounds; round++)
        {
            // A different order each round, so that neither side always runs first.
            foreach (bool oursFirst in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                if (oursFirst)
                {
                    ours.Add(await OursAsync(client, identity, signer, chaincode, template, sequential, 1, $"SEQ-O{round}"), await OursAsync(client, identity, signer, chaincode, template, concurrent, inFlight, $"PAR-O{round}"));
                }
                else
                {
                    theirs.Add(await NodeAsync(config, "sequential", sequential, 1, $"SEQ-N{round}"), await NodeAsync(config, "inflight", concurrent, inFlight, $"PAR-N{round}"));
                }
            }
        }

        Console.WriteLine($"{"",-42} {"ValueChain FabricClient",24} {"fabric-gateway 1.12.1 (Node)",30}");
        Console.WriteLine($"{"submit latency, one at a time: median",-42} {ours.Median,21:0.0} ms {theirs.Median,27:0.0} ms");
        Console.WriteLine($"{"submit latency, one at a time: p95",-42} {ours.P95,21:0.0} ms {theirs.P95,27:0.0} ms");
        Console.WriteLine($"{"sequential throughput",-42} {ours.SequentialRate,19:0.0} tx/s {theirs.SequentialRate,25:0.0} tx/s");
        Console.WriteLine($"{$"throughput, {inFlight} in flight ({concurrent} tx)",-42} {ours.ConcurrentRate,19:0.0} tx/s {theirs.ConcurrentRate,25:0.0} tx/s");
        Console.WriteLine($"ratio (fabric-gateway / ValueChain): latency median {theirs.Median / ours.Median:0.00}, sequential throughput {theirs.SequentialRate / ours.SequentialRate:0.00}, throughput in flight {theirs.ConcurrentRate / ours.ConcurrentRate:0.00}");
        Directory.Delete(Path.GetDirectoryName(config)!, recursive: true);
    }

    private static async Task<Run> OursAsync(FabricClient client, FabricIdentity identity, IFabricSigner signer, string chaincode, string template, int count, int inFlight, string prefix)
    {
        var latencies = new List<double>();
        int next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var clock = Stopwatch.StartNew();
                await client.SubmitAsync(identity, signer, chaincode, "registerParts", template.Replace("{ID}", $"{prefix}-{i}", StringComparison.Ordinal));
                lock (latencies)
                {
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }));
        return new Run(latencies, total.Elapsed.TotalSeconds, count);
    }

    private static async Task<Run> NodeAsync(string config, string mode, int count, int inFlight, string prefix)
    {
        string script = Path.Combine(RepositoryPaths.Root, "benchmarks", "fabric-gateway", "submit-bench.mjs");
        (int exitCode, string output, string error) = await ChildProcess.RunAsync("node", script, config, mode, count.ToString(CultureInfo.InvariantCulture), inFlight.ToString(CultureInfo.InvariantCulture), prefix);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"fabric-gateway ({mode}) failed; is tools/ installed (npm ci)?\n{output}{error}");
        }

        JsonElement result = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        return new Run([.. result.GetProperty("latenciesMs").EnumerateArray().Select(l => l.GetDouble())], result.GetProperty("seconds").GetDouble(), count);
    }

    // The exact arguments the Traceability adapter sends for one part, with {ID} for the part id.
    private static async Task<string> ArgumentsTemplateAsync()
    {
        var capture = new Capture();
        try
        {
            await new TraceabilityChaincodeAdapter(capture).RegisterPartsAsync(TraceabilityActors.Tier2a, [new PartRegistration("{ID}", "PN-1", "B-1")], Plant);
        }
        catch (Capture.Done)
        {
        }

        return capture.Invocation?.ArgumentsJson ?? throw new InvalidOperationException("the adapter sent nothing");
    }

    private static string WriteNodeConfig(LiveFabricSettings settings, FabricIdentity identity, ECDsa key, string chaincode, string template)
    {
        string folder = Directory.CreateTempSubdirectory("vc-fabric-gateway-").FullName;
        string Write(string name, string text)
        {
            string path = Path.Combine(folder, name);
            File.WriteAllText(path, text, Encoding.ASCII);
            return path;
        }

        FabricEndpoint peer = settings.Peers[0].Endpoint;
        string config = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["peer"] = new Uri(peer.Address).Authority,
            ["tlsRoot"] = Write("tls-root.pem", peer.TlsRootCertificatePem ?? throw new InvalidOperationException("the gateway peer needs TLS")),
            ["hostName"] = peer.ServerNameOverride ?? new Uri(peer.Address).Host,
            ["clientCertificate"] = Write("tls-client.pem", peer.ClientCertificatePem ?? throw new InvalidOperationException("the gateway peer needs a TLS client certificate")),
            ["clientKey"] = Write("tls-client-key.pem", peer.ClientKeyPem!),
            ["mspId"] = identity.MspId,
            ["certificate"] = Write("identity.pem", identity.CertificatePem),
            ["key"] = Write("identity-key.pem", key.ExportPkcs8PrivateKeyPem()),
            ["channel"] = settings.Channel,
            ["chaincode"] = chaincode,
            ["function"] = "registerParts",
            ["argumentsTemplate"] = template,
        });
        return Write("config.json", config);
    }

    private sealed record Run(List<double> Latencies, double Seconds, int Count);

    private sealed class Figures
    {
        private readonly List<double> _latencies = [];
        private double _sequentialSeconds;
        private int _sequentialCount;
        private double _concurrentSeconds;
        private int _concurrentCount;

        public double Median => Percentile(0.5);

        public double P95 => Percentile(0.95);

        public double SequentialRate => _sequentialCount / _sequentialSeconds;

        public double ConcurrentRate => _concurrentCount / _concurrentSeconds;

        public void Add(Run sequential, Run concurrent)
        {
            _latencies.AddRange(sequential.Latencies);
            _sequentialSeconds += sequential.Seconds;
            _sequentialCount += sequential.Count;
            _concurrentSeconds += concurrent.Seconds;
            _concurrentCount += concurrent.Count;
        }

        private double Percentile(double fraction)
        {
            double[] sorted = [.. _latencies.Order()];
            return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(fraction * sorted.Length))];
        }
    }

    // Records the invocation the adapter builds, and stops it there.
    private sealed class Capture : IContractGateway
    {
        public ContractInvocation? Invocation { get; private set; }

        public Task<TransactionReceipt> SubmitAsync(ISigner signer, ContractInvocation invocation, CancellationToken cancellationToken = default)
        {
            Invocation = invocation;
            throw new Done();
        }

        public Task<string?> EvaluateAsync(ISigner? caller, ContractInvocation invocation, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<LedgerEvent>> GetEventsAsync(string chaincode, long fromBlock, long toBlock, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<LedgerEvent> WatchEventsAsync(string chaincode, long fromBlock, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public sealed class Done : Exception;
    }
}
