using ValueChain.Content;

namespace ValueChain.V2V;

/// <summary>
/// The on-ledger operations of the obstacle map. Invalid calls (unknown, expired or excluded pseudonym, a report outside
/// its certificate's window, malformed reports, anchoring twice, a caller without the right) throw a
/// <see cref="ChaincodeException"/> with a stable code (<see cref="ErrorCodes"/>, <see cref="V2VErrorCodes"/>) and change
/// nothing. Queries that take an <c>authority</c> are signed by it and answer authorities only; on Ethereum every node
/// operator can read all contract state, so there the restriction holds against other callers of the contract only.
/// </summary>
public interface IV2VContract
{
    /// <summary>Certifies a trip address for a validity window in whole seconds (the enrolment issuer only).</summary>
    Task<V2VReceipt> CertifyAsync(ISigner issuer, Address pseudonym, DateTimeOffset validFrom, DateTimeOffset validUntil, CancellationToken cancellationToken = default);

    /// <summary>Excludes a pseudonym: it reports, confirms and negates nothing more (authorities only). The issuer, which alone links it to a vehicle, certifies that vehicle no more.</summary>
    Task<V2VReceipt> ExcludeAsync(ISigner authority, Address pseudonym, CancellationToken cancellationToken = default);

    /// <summary>Anchors one report, signed by its reporter; the ledger's matching maps a new obstacle or matches an existing one (<see cref="V2VReceipt.Outcomes"/>).</summary>
    Task<V2VReceipt> AnchorReportAsync(ISigner reporter, ObstacleReport report, ContentId contentId, CancellationToken cancellationToken = default);

    /// <summary>Anchors a batch of reports, each signed by its reporter, under its Merkle root in one transaction, matching them in batch order.</summary>
    Task<V2VReceipt> AnchorBatchAsync(ISigner submitter, IReadOnlyList<SignedReport> reports, CancellationToken cancellationToken = default);

    /// <summary>Reports an obstacle gone (a certified pseudonym other than its first reporter); an unconfirmed one then counts against its reporter.</summary>
    Task<V2VReceipt> NegateAsync(ISigner pseudonym, long obstacleId, CancellationToken cancellationToken = default);

    /// <summary>Expires an obstacle the expiry time after its last confirmation (anyone).</summary>
    Task<V2VReceipt> ExpireAsync(ISigner caller, long obstacleId, CancellationToken cancellationToken = default);

    /// <summary>A trip address's certificate, or null.</summary>
    Task<PseudonymCertificate?> GetCertificateAsync(Address pseudonym, CancellationToken cancellationToken = default);

    /// <summary>A pseudonym's reputation (the initial one when nothing happened to it).</summary>
    Task<Reputation> GetReputationAsync(Address pseudonym, CancellationToken cancellationToken = default);

    /// <summary>An obstacle, or null.</summary>
    Task<Obstacle?> GetObstacleAsync(long obstacleId, CancellationToken cancellationToken = default);

    /// <summary>A report's anchor by its digest, or null when it is not anchored.</summary>
    Task<ReportAnchor?> GetReportAsync(Hash32 digest, CancellationToken cancellationToken = default);

    /// <summary>An anchored batch by its root, or null.</summary>
    Task<ReportBatch?> GetBatchAsync(Hash32 root, CancellationToken cancellationToken = default);

    /// <summary>The active obstacles in the index cells around <paramref name="position"/>, by id (what a vehicle loads for its surroundings).</summary>
    Task<IReadOnlyList<Obstacle>> GetObstaclesNearAsync(GeoPoint position, CancellationToken cancellationToken = default);

    /// <summary>The obstacles that reports anchored in the area and ledger-time window mapped or matched, by id (authorities only).</summary>
    Task<IReadOnlyList<Obstacle>> GetObstaclesInAreaAsync(ISigner authority, GeoArea area, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>Every report of the given (disclosed) addresses, in ledger order (authorities only).</summary>
    Task<IReadOnlyList<ReportAnchor>> GetReportsByAsync(ISigner authority, IReadOnlyList<Address> reporters, CancellationToken cancellationToken = default);

    /// <summary>The reports anchored in the area and ledger-time window, in ledger order, never by the reporters' clocks (authorities only).</summary>
    Task<IReadOnlyList<ReportAnchor>> GetIncidentAsync(ISigner authority, GeoArea area, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default);
}
