using System.Text;
using ValueChain.Content;
using ValueChain.Cryptography;
using ValueChain.Ledger;

namespace ValueChain.V2V;

public sealed partial class V2VChaincode
{
    // A content id is the store's CID text: short, printable ASCII.
    private const int MaxContentIdLength = 128;

    private async Task<string?> AnchorReportAsync(ChaincodeState state, AnchorArgs args)
    {
        (ObstacleReport report, byte[] bytes) = Decode(args.Report);
        if (report.Reporter != state.Context.Caller)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"A report is anchored by its reporter {report.Reporter} (or in a signed batch), not by {state.Context.Caller}.");
        }

        long sequence = await CountAsync(state, V2VKeys.SequenceCounter) + 1;
        AnchorOutcome outcome = await AnchorAsync(state, report, ReportCodec.Digest(bytes), ContentIdOf(args.ContentId), null, sequence);
        await SetCountAsync(state, V2VKeys.SequenceCounter, sequence);
        return Serialize(outcome, Json.AnchorOutcome);
    }

    private async Task<string?> AnchorBatchAsync(ChaincodeState state, BatchArgs args)
    {
        if (args.Reports is not { Count: > 0 } entries || entries.Count > _options.MaxBatchSize)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"A batch holds 1 to {_options.MaxBatchSize} reports, not {args.Reports?.Count ?? 0}.");
        }

        var reports = new List<(ObstacleReport Report, Hash32 Digest, ContentId ContentId)>(entries.Count);
        var seen = new HashSet<Hash32>();
        foreach (BatchEntry entry in entries)
        {
            (ObstacleReport report, byte[] bytes) = Decode(entry?.Report);
            Hash32 digest = ReportCodec.Digest(bytes);
            RecoverableSignature signature = SignatureOf(entry!.Signature);
            if (!Secp256k1.TryRecoverAddress(ReportCodec.SigningDigest(digest), signature, RecoveryMode.Strict, out Address signer) || signer != report.Reporter)
            {
                throw new ChaincodeException(ErrorCodes.InvalidSignature, $"Report {digest} is not signed by its reporter {report.Reporter}.");
            }

            if (!seen.Add(digest))
            {
                throw new ChaincodeException(ErrorCodes.Conflict, $"Report {digest} appears twice in the batch.");
            }

            reports.Add((report, digest, ContentIdOf(entry.ContentId)));
        }

        Hash32 root = ReportBatchTree.Root([.. reports.Select(r => r.Digest)]);
        if (await state.ExistsAsync(V2VKeys.Batch(root)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Batch {root} is already anchored.");
        }

        long first = await CountAsync(state, V2VKeys.SequenceCounter) + 1;
        var outcomes = new List<AnchorOutcome>(reports.Count);
        for (int i = 0; i < reports.Count; i++)
        {
            outcomes.Add(await AnchorAsync(state, reports[i].Report, reports[i].Digest, reports[i].ContentId, root, first + i));
        }

        await SetCountAsync(state, V2VKeys.SequenceCounter, first + reports.Count - 1);
        var batch = new ReportBatch(root, reports.Count, state.Context.Caller, state.Context.Timestamp, first);
        await state.PutAsync(V2VKeys.Batch(root), batch, Json.ReportBatch);
        state.Emit(V2VEvents.BatchAnchored, batch, Json.ReportBatch);
        return Serialize(new BatchResult(root, outcomes), Json.BatchResult);
    }

    // One report: the certificate checks, the matching the ledger decides, the anchor and its indexes.
    private async Task<AnchorOutcome> AnchorAsync(ChaincodeState state, ObstacleReport report, Hash32 digest, ContentId contentId, Hash32? root, long sequence)
    {
        if (await state.ExistsAsync(V2VKeys.Report(digest)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Report {digest} is already anchored.");
        }

        await RequireCertifiedAsync(state, report.Reporter, report.DetectedAt);
        DateTimeOffset now = state.Context.Timestamp;
        GridCell cell = GridCell.Of(report.Position, _options.CellSizeMicrodegrees);
        List<Obstacle> candidates = await ActiveNearAsync(state, cell);
        long? match = ObstacleMatching.Match(report, candidates, _rules);
        bool flagged = (await ReputationAsync(state, report.Reporter)).Score < _options.FlagThreshold;
        bool confirmed = false;
        long obstacleId;
        if (match is { } id)
        {
            obstacleId = id;
            confirmed = await ConfirmAsync(state, candidates.First(o => o.Id == id), report, digest, cell);
        }
        else
        {
            obstacleId = await MapAsync(state, report, digest, cell);
        }

        var anchor = new ReportAnchor(digest, contentId, report.Reporter, obstacleId, sequence, now, root, confirmed, flagged, report.Position, report.Kind, report.DetectedAt);
        await state.PutAsync(V2VKeys.Report(digest), anchor, Json.ReportAnchor);
        await state.Context.PutStateAsync(V2VKeys.Sequence(sequence), Encoding.ASCII.GetBytes(digest.ToString()));
        await state.Context.PutStateAsync(V2VKeys.ReportInCell(cell, sequence), Encoding.ASCII.GetBytes(digest.ToString()));
        await state.Context.PutStateAsync(V2VKeys.ReportOf(report.Reporter, sequence), Encoding.ASCII.GetBytes(digest.ToString()));
        var outcome = new AnchorOutcome(digest, obstacleId, match is null, confirmed, sequence);
        state.Emit(V2VEvents.ReportAnchored, outcome, Json.AnchorOutcome);
        return outcome;
    }

    private static (ObstacleReport Report, byte[] Bytes) Decode(string? hex)
    {
        byte[] bytes = Hex.Decode(hex ?? "", "report");
        return (ReportCodec.Decode(bytes), bytes);
    }

    private static RecoverableSignature SignatureOf(string? hex)
    {
        try
        {
            return RecoverableSignature.Parse(hex ?? "");
        }
        catch (ValueChainException e)
        {
            throw new ChaincodeException(ErrorCodes.InvalidSignature, $"A batch report's signature is malformed: {e.Message}");
        }
    }

    private static ContentId ContentIdOf(string? text) =>
        text is { Length: > 0 and <= MaxContentIdLength } && text.All(c => c is > ' ' and < (char)127)
            ? new ContentId(text)
            : throw new ChaincodeException(ErrorCodes.InvalidFormat, $"A report's content id is 1 to {MaxContentIdLength} printable ASCII characters (the store's CID text).");

    private static async Task<long> CountAsync(ChaincodeState state, string key)
    {
        ReadOnlyMemory<byte>? value = await state.Context.GetStateAsync(key);
        return value is null ? 0 : long.Parse(Encoding.ASCII.GetString(value.Value.Span), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task SetCountAsync(ChaincodeState state, string key, long value) =>
        state.Context.PutStateAsync(key, Encoding.ASCII.GetBytes(value.ToString(System.Globalization.CultureInfo.InvariantCulture))).AsTask();
}
