using System.Collections.Concurrent;
using ValueChain.Content;

namespace ValueChain.V2V;

/// <summary>
/// Checks reports read from the content store against their ledger anchors: the anchor by the report's digest, the
/// stored bytes under the anchored content id (their SHA-256 must be the digest), and a batched report's inclusion proof
/// against its anchored batch. Never answers <see cref="ReportStatus.Valid"/> for changed, missing or unanchored data.
/// </summary>
public sealed class ReportVerifier
{
    private readonly IV2VContract _map;
    private readonly IContentStore _store;
    private readonly ConcurrentDictionary<Hash32, byte> _pending = new();

    /// <summary>Creates a verifier over the ledger port and the content store.</summary>
    public ReportVerifier(IV2VContract map, IContentStore store)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(store);
        _map = map;
        _store = store;
    }

    /// <summary>The ledger it checks against (the feed's subscriber reads closed obstacles from it).</summary>
    internal IV2VContract Map => _map;

    /// <summary>Notes that the anchoring of <paramref name="digest"/> was submitted and is not committed yet (it then verifies as Pending, not Unanchored).</summary>
    public void MarkPending(Hash32 digest) => _pending[digest] = 0;

    /// <summary>Notes that the anchoring of <paramref name="digest"/> ended (committed or failed).</summary>
    public void ClearPending(Hash32 digest) => _pending.TryRemove(digest, out _);

    /// <summary>Verifies the report a vehicle received (for example over MQTT): its canonical bytes must be what the ledger anchored.</summary>
    public Task<ReportVerification> VerifyAsync(ObstacleReport report, BatchProof? proof = null, CancellationToken cancellationToken = default) =>
        VerifyAsync(ReportCodec.Digest(ReportCodec.Encode(report)), proof, cancellationToken);

    /// <summary>Verifies the report with digest <paramref name="digest"/>, with its inclusion proof when it was anchored in a batch.</summary>
    public async Task<ReportVerification> VerifyAsync(Hash32 digest, BatchProof? proof = null, CancellationToken cancellationToken = default)
    {
        ReportAnchor? anchor = await _map.GetReportAsync(digest, cancellationToken).ConfigureAwait(false);
        if (anchor is null)
        {
            return _pending.ContainsKey(digest)
                ? Fail(ReportStatus.Pending, digest, "its anchoring is submitted but not committed yet")
                : Fail(ReportStatus.Unanchored, digest, "the ledger has no anchor for it");
        }

        if (anchor.Digest != digest)
        {
            return Fail(ReportStatus.Tampered, digest, $"the anchor found names the digest {anchor.Digest}");
        }

        if (proof is not null || anchor.BatchRoot is not null)
        {
            if (await ProofProblemAsync(digest, anchor, proof, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                return problem;
            }
        }

        return await VerifyStoredAsync(anchor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks that the content store holds the bytes <paramref name="anchor"/> (read from the ledger) anchored: for
    /// readers who took the anchor from the ledger themselves, such as authorities, and need no inclusion proof.
    /// </summary>
    public async Task<ReportVerification> VerifyStoredAsync(ReportAnchor anchor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        Hash32 digest = anchor.Digest;
        byte[]? bytes;
        try
        {
            bytes = await _store.GetRecordAsync(anchor.ContentId, cancellationToken).ConfigureAwait(false);
        }
        catch (ContentCorruptedException e)
        {
            return Fail(ReportStatus.Tampered, digest, $"the stored block does not match its content id: {e.Reason}");
        }
        catch (ValueChainFormatException e)
        {
            return Fail(ReportStatus.Tampered, digest, $"the anchored content id is malformed: {e.Message}");
        }

        if (bytes is null)
        {
            return Fail(ReportStatus.Missing, digest, $"the content store has no block {anchor.ContentId}");
        }

        if (ReportCodec.Digest(bytes) != digest)
        {
            return Fail(ReportStatus.Tampered, digest, "the stored bytes do not hash to the anchored digest");
        }

        ObstacleReport report;
        try
        {
            report = ReportCodec.Decode(bytes);
        }
        catch (ValueChainFormatException e)
        {
            return Fail(ReportStatus.Tampered, digest, $"the stored bytes are no canonical report: {e.Message}");
        }

        return new ReportVerification(ReportStatus.Valid, digest, report, anchor, "");
    }

    private async Task<ReportVerification?> ProofProblemAsync(Hash32 digest, ReportAnchor anchor, BatchProof? proof, CancellationToken cancellationToken)
    {
        if (proof is null)
        {
            return Fail(ReportStatus.BadProof, digest, $"it was anchored in batch {anchor.BatchRoot} and comes without its inclusion proof");
        }

        ReportBatch? batch = await _map.GetBatchAsync(proof.Root, cancellationToken).ConfigureAwait(false);
        if (batch is null)
        {
            return Fail(ReportStatus.Unanchored, digest, $"the ledger has no batch {proof.Root}");
        }

        if (anchor.BatchRoot != proof.Root || batch.Root != proof.Root || !ReportBatchTree.Verify(digest, proof.Index, batch.Size, proof.Path, batch.Root))
        {
            return Fail(ReportStatus.BadProof, digest, $"the proof does not place it in the anchored batch {proof.Root}");
        }

        return null;
    }

    private static ReportVerification Fail(ReportStatus status, Hash32 digest, string reason) => new(status, digest, null, null, reason);
}
