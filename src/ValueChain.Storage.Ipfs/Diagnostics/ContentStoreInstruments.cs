using System.Diagnostics;
using ValueChain.Content;
using ValueChain.Diagnostics;

namespace ValueChain.Storage.Ipfs;

/// <summary>
/// The span, duration and byte counts around a content-store read or write (see <see cref="ContentStoreTelemetry"/>),
/// shared by the embedded store and the Kubo client; answers and errors pass through unchanged.
/// </summary>
internal static class ContentStoreInstruments
{
    public static async Task<T> WriteAsync<T>(string kind, string operation, ContentId? id, Func<Activity?, Task<T>> run) =>
        await RunAsync(ContentStoreTelemetry.WriteSpan, kind, operation, id, run).ConfigureAwait(false);

    public static async Task<T> ReadAsync<T>(string kind, string operation, ContentId? id, Func<Activity?, Task<T>> run) =>
        await RunAsync(ContentStoreTelemetry.ReadSpan, kind, operation, id, run).ConfigureAwait(false);

    /// <summary>Tags the write's span with what was stored and counts its bytes.</summary>
    public static void Stored(string kind, Activity? activity, ContentId? id, long bytes)
    {
        if (id is { } known)
        {
            activity?.SetTag(TelemetryNames.ContentId, known.ToString());
        }

        activity?.SetTag(TelemetryNames.Bytes, bytes);
        ContentStoreTelemetry.Stored.Add(bytes, ContentStoreTelemetry.Store(kind));
    }

    /// <summary>Tags the read's span with the bytes read and counts them; returns them.</summary>
    public static byte[]? ReadBack(string kind, Activity? activity, byte[]? bytes)
    {
        if (bytes is not null)
        {
            activity?.SetTag(TelemetryNames.Bytes, bytes.Length);
            ContentStoreTelemetry.Read.Add(bytes.Length, ContentStoreTelemetry.Store(kind));
        }

        return bytes;
    }

    private static async Task<T> RunAsync<T>(string span, string kind, string operation, ContentId? id, Func<Activity?, Task<T>> run)
    {
        using Activity? activity = ContentStoreTelemetry.Source.StartActivity(span, ActivityKind.Internal);
        activity?.SetTag(TelemetryNames.ContentStoreKind, kind);
        activity?.SetTag(ContentStoreTelemetry.Operation, operation);
        if (id is { } known)
        {
            activity?.SetTag(TelemetryNames.ContentId, known.ToString());
        }

        long started = Stopwatch.GetTimestamp();
        string outcome = "succeeded";
        try
        {
            return await run(activity).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = "failed";
            LedgerInstruments.Fail(activity, LedgerInstruments.ErrorTypeOf(e), e.Message);
            throw;
        }
        finally
        {
            ContentStoreTelemetry.Durations.Record(
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                ContentStoreTelemetry.Store(kind),
                new KeyValuePair<string, object?>(ContentStoreTelemetry.Operation, operation),
                new KeyValuePair<string, object?>(TelemetryNames.Outcome, outcome));
        }
    }
}
