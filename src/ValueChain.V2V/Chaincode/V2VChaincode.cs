using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ValueChain.Ledger;

namespace ValueChain.V2V;

/// <summary>
/// The obstacle map's rules, written once against <see cref="IChaincodeContext"/> and run by the embedded ledger and,
/// unchanged, as Fabric chaincode: pseudonym certificates, report anchoring (single and batched) with the matching the
/// ledger decides (<see cref="ObstacleMatching"/>), confirmations, expiry, negation, reputation, exclusion and the
/// authorities' reads. Deterministic: time and identity come from the context, geometry is integer.
/// </summary>
public sealed partial class V2VChaincode : IChaincode
{
    /// <summary>The name under which the obstacle map is deployed.</summary>
    public const string ChaincodeName = "v2v";

    private static readonly V2VJsonContext Json = V2VJsonContext.Default;
    private readonly V2VOptions _options;
    private readonly MatchingRules _rules;
    private readonly FrozenSet<Address> _authorities;
    private readonly FrozenDictionary<string, Func<ChaincodeState, string, Task<string?>>> _functions;

    /// <summary>Creates the chaincode with its deployment settings.</summary>
    /// <exception cref="ConfigurationException">The options break a rule of <see cref="V2VOptionsValidator"/>.</exception>
    public V2VChaincode(V2VOptions options)
    {
        V2VOptionsValidator.ThrowIfInvalid(options);
        _options = options;
        _rules = options.Rules;
        _authorities = options.Authorities.ToFrozenSet();
        _functions = new Dictionary<string, Func<ChaincodeState, string, Task<string?>>>
        {
            ["certify"] = (s, a) => CertifyAsync(s, Parse(a, Json.CertifyArgs)),
            ["exclude"] = (s, a) => ExcludeAsync(s, Parse(a, Json.AddressArgs).Address),
            ["anchorReport"] = (s, a) => AnchorReportAsync(s, Parse(a, Json.AnchorArgs)),
            ["anchorBatch"] = (s, a) => AnchorBatchAsync(s, Parse(a, Json.BatchArgs)),
            ["negate"] = (s, a) => NegateAsync(s, Parse(a, Json.ObstacleIdArgs).ObstacleId),
            ["expire"] = (s, a) => ExpireAsync(s, Parse(a, Json.ObstacleIdArgs).ObstacleId),
            ["getCertificate"] = async (s, a) => Serialize(await s.GetAsync(V2VKeys.Certificate(Parse(a, Json.AddressArgs).Address), Json.PseudonymCertificate), Json.PseudonymCertificate),
            ["getReputation"] = async (s, a) => Serialize(await ReputationAsync(s, Parse(a, Json.AddressArgs).Address), Json.Reputation),
            ["getObstacle"] = async (s, a) => Serialize(await s.GetAsync(V2VKeys.Obstacle(Parse(a, Json.ObstacleIdArgs).ObstacleId), Json.Obstacle), Json.Obstacle),
            ["getReport"] = async (s, a) => Serialize(await s.GetAsync(V2VKeys.Report(Parse(a, Json.DigestArgs).Digest), Json.ReportAnchor), Json.ReportAnchor),
            ["getBatch"] = async (s, a) => Serialize(await s.GetAsync(V2VKeys.Batch(Parse(a, Json.DigestArgs).Digest), Json.ReportBatch), Json.ReportBatch),
            ["getObstaclesNear"] = async (s, a) => Serialize(await ObstaclesNearAsync(s, Parse(a, Json.PositionArgs).Position), Json.ListObstacle),
            ["getObstaclesInArea"] = async (s, a) => Serialize(await ObstaclesInAreaAsync(s, Parse(a, Json.AreaArgs)), Json.ListObstacle),
            ["getReportsBy"] = async (s, a) => Serialize(await ReportsByAsync(s, Parse(a, Json.AddressListArgs).Addresses), Json.ListReportAnchor),
            ["getIncident"] = async (s, a) => Serialize(await IncidentAsync(s, Parse(a, Json.AreaArgs)), Json.ListReportAnchor),
        }.ToFrozenDictionary(StringComparer.Ordinal);
        Functions = _functions.Keys.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public string Name => ChaincodeName;

    /// <inheritdoc />
    public IReadOnlySet<string> Functions { get; }

    /// <inheritdoc />
    public ValueTask<string?> InvokeAsync(IChaincodeContext context, string functionName, string argumentsJson, CancellationToken cancellationToken = default) =>
        _functions.TryGetValue(functionName, out var function)
            ? new(function(new ChaincodeState(context), argumentsJson))
            : throw new ChaincodeException(ErrorCodes.UnknownFunction, $"The obstacle map has no function '{functionName}'.");

    private static T Parse<T>(string json, JsonTypeInfo<T> type) => ChaincodeState.ParseArguments(json, type);

    private static string Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);
}
