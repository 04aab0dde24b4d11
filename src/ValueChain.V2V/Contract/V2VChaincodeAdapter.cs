using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ValueChain.Content;
using ValueChain.Ledger;

namespace ValueChain.V2V;

/// <summary><see cref="IV2VContract"/> over the generic <see cref="IContractGateway"/>: the embedded ledger and Fabric run <see cref="V2VChaincode"/> behind it.</summary>
public sealed class V2VChaincodeAdapter : IV2VContract
{
    private static readonly V2VJsonContext Json = V2VJsonContext.Default;
    private readonly ChaincodeClient _chaincode;

    /// <summary>Creates the adapter over <paramref name="gateway"/>.</summary>
    public V2VChaincodeAdapter(IContractGateway gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        _chaincode = new ChaincodeClient(gateway, V2VChaincode.ChaincodeName);
    }

    /// <inheritdoc />
    public async Task<V2VReceipt> CertifyAsync(ISigner issuer, Address pseudonym, DateTimeOffset validFrom, DateTimeOffset validUntil, CancellationToken cancellationToken = default) =>
        (await SubmitAsync(issuer, "certify", new CertifyArgs(pseudonym, validFrom, validUntil), Json.CertifyArgs, cancellationToken)).Receipt;

    /// <inheritdoc />
    public async Task<V2VReceipt> ExcludeAsync(ISigner authority, Address pseudonym, CancellationToken cancellationToken = default) =>
        (await SubmitAsync(authority, "exclude", new AddressArgs(pseudonym), Json.AddressArgs, cancellationToken)).Receipt;

    /// <inheritdoc />
    public async Task<V2VReceipt> AnchorReportAsync(ISigner reporter, ObstacleReport report, ContentId contentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        (V2VReceipt receipt, string? result) = await SubmitAsync(reporter, "anchorReport", new AnchorArgs(Hex.Encode(ReportCodec.Encode(report)), contentId.Value), Json.AnchorArgs, cancellationToken);
        return receipt with { Outcomes = [JsonSerializer.Deserialize(result!, Json.AnchorOutcome)!] };
    }

    /// <inheritdoc />
    public async Task<V2VReceipt> AnchorBatchAsync(ISigner submitter, IReadOnlyList<SignedReport> reports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var args = new BatchArgs([.. reports.Select(r => new BatchEntry(Hex.Encode(ReportCodec.Encode(r.Report)), r.ContentId.Value, r.Signature.ToString()))]);
        (V2VReceipt receipt, string? result) = await SubmitAsync(submitter, "anchorBatch", args, Json.BatchArgs, cancellationToken);
        BatchResult batch = JsonSerializer.Deserialize(result!, Json.BatchResult)!;
        return receipt with { Outcomes = batch.Outcomes, BatchRoot = batch.Root };
    }

    /// <inheritdoc />
    public async Task<V2VReceipt> NegateAsync(ISigner pseudonym, long obstacleId, CancellationToken cancellationToken = default) =>
        (await SubmitAsync(pseudonym, "negate", new ObstacleIdArgs(obstacleId), Json.ObstacleIdArgs, cancellationToken)).Receipt;

    /// <inheritdoc />
    public async Task<V2VReceipt> ExpireAsync(ISigner caller, long obstacleId, CancellationToken cancellationToken = default) =>
        (await SubmitAsync(caller, "expire", new ObstacleIdArgs(obstacleId), Json.ObstacleIdArgs, cancellationToken)).Receipt;

    /// <inheritdoc />
    public Task<PseudonymCertificate?> GetCertificateAsync(Address pseudonym, CancellationToken cancellationToken = default) =>
        EvaluateAsync(null, "getCertificate", new AddressArgs(pseudonym), Json.AddressArgs, Json.PseudonymCertificate, cancellationToken);

    /// <inheritdoc />
    public async Task<Reputation> GetReputationAsync(Address pseudonym, CancellationToken cancellationToken = default) =>
        (await EvaluateAsync(null, "getReputation", new AddressArgs(pseudonym), Json.AddressArgs, Json.Reputation, cancellationToken))!;

    /// <inheritdoc />
    public Task<Obstacle?> GetObstacleAsync(long obstacleId, CancellationToken cancellationToken = default) =>
        EvaluateAsync(null, "getObstacle", new ObstacleIdArgs(obstacleId), Json.ObstacleIdArgs, Json.Obstacle, cancellationToken);

    /// <inheritdoc />
    public Task<ReportAnchor?> GetReportAsync(Hash32 digest, CancellationToken cancellationToken = default) =>
        EvaluateAsync(null, "getReport", new DigestArgs(digest), Json.DigestArgs, Json.ReportAnchor, cancellationToken);

    /// <inheritdoc />
    public Task<ReportBatch?> GetBatchAsync(Hash32 root, CancellationToken cancellationToken = default) =>
        EvaluateAsync(null, "getBatch", new DigestArgs(root), Json.DigestArgs, Json.ReportBatch, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Obstacle>> GetObstaclesNearAsync(GeoPoint position, CancellationToken cancellationToken = default) =>
        await EvaluateAsync(null, "getObstaclesNear", new PositionArgs(position), Json.PositionArgs, Json.ListObstacle, cancellationToken) ?? [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<Obstacle>> GetObstaclesInAreaAsync(ISigner authority, GeoArea area, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        await EvaluateAsync(Required(authority), "getObstaclesInArea", new AreaArgs(area, since, until), Json.AreaArgs, Json.ListObstacle, cancellationToken) ?? [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReportAnchor>> GetReportsByAsync(ISigner authority, IReadOnlyList<Address> reporters, CancellationToken cancellationToken = default) =>
        await EvaluateAsync(Required(authority), "getReportsBy", new AddressListArgs([.. reporters ?? []]), Json.AddressListArgs, Json.ListReportAnchor, cancellationToken) ?? [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReportAnchor>> GetIncidentAsync(ISigner authority, GeoArea area, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        await EvaluateAsync(Required(authority), "getIncident", new AreaArgs(area, since, until), Json.AreaArgs, Json.ListReportAnchor, cancellationToken) ?? [];

    private async Task<(V2VReceipt Receipt, string? Result)> SubmitAsync<TArgs>(ISigner signer, string function, TArgs arguments, JsonTypeInfo<TArgs> type, CancellationToken cancellationToken)
    {
        TransactionReceipt receipt = await _chaincode.SubmitAsync(signer, function, arguments, type, cancellationToken);
        return (new V2VReceipt(receipt.TransactionId, receipt.BlockNumber, receipt.Events, []), receipt.ResultJson);
    }

    private Task<TResult?> EvaluateAsync<TArgs, TResult>(ISigner? reader, string function, TArgs arguments, JsonTypeInfo<TArgs> argumentType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken) =>
        _chaincode.EvaluateAsync(reader, function, arguments, argumentType, resultType, cancellationToken);

    private static ISigner Required(ISigner authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        return authority;
    }
}
