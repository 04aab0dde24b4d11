using System.Threading.Channels;

namespace ValueChain.AppMarket;

/// <summary>
/// Collects devices' signed usage reports and hands them to the ledger in as few settlements as the batch limit allows.
/// Usage is cumulative, so of one device's reports for one app only the one with the highest counter needs settling:
/// it pays everything the earlier ones would have (which, settled after it, would pay nothing as replays). Safe to add
/// to while a settlement runs; what arrives meanwhile waits for the next one.
/// </summary>
public sealed class UsageBatcher
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string DeviceId, string AppId), SignedUsageReport> _latest = [];
    private long _received;

    /// <summary>How many reports were added since the batcher was created, kept or dropped.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>How many reports are waiting (one per device and app).</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _latest.Count;
            }
        }
    }

    /// <summary>Adds a report; an older one of the same device and app is dropped, as it adds nothing.</summary>
    public void Add(SignedUsageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        (string, string) key = (report.Report.DeviceId, report.Report.AppId);
        lock (_lock)
        {
            if (!_latest.TryGetValue(key, out SignedUsageReport? kept) || report.Report.Counter > kept.Report.Counter)
            {
                _latest[key] = report;
            }
        }

        Interlocked.Increment(ref _received);
    }

    /// <summary>Adds every report <paramref name="reports"/> yields (for example <see cref="MqttDeviceChannel.UsageReports"/>) until it completes or <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task CollectAsync(ChannelReader<SignedUsageReport> reports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        await foreach (SignedUsageReport report in reports.ReadAllAsync(cancellationToken))
        {
            Add(report);
        }
    }

    /// <summary>
    /// Settles every waiting report, <paramref name="batchSize"/> per transaction (<see cref="AppMarketOptions.MaxReportsPerSettlement"/>),
    /// and returns the receipts. A report leaves the batcher once its settlement is on the ledger; when a settlement
    /// fails, it and the ones after it stay for the next call.
    /// </summary>
    public async Task<IReadOnlyList<AppMarketReceipt>> SettleAsync(IAppMarketContract market, ISigner relay, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        SignedUsageReport[] waiting;
        lock (_lock)
        {
            // A device's reports of several apps share its counter: lower counters settle first, or they would be replays.
            waiting = [.. _latest.Values.OrderBy(r => r.Report.DeviceId, StringComparer.Ordinal).ThenBy(r => r.Report.Counter)];
        }

        var receipts = new List<AppMarketReceipt>();
        foreach (SignedUsageReport[] batch in waiting.Chunk(batchSize))
        {
            receipts.Add(await market.SettleUsageAsync(relay, batch, cancellationToken));
            lock (_lock)
            {
                foreach (SignedUsageReport settled in batch)
                {
                    // Only the report that was settled: a later one that arrived meanwhile stays.
                    (string, string) key = (settled.Report.DeviceId, settled.Report.AppId);
                    if (_latest.TryGetValue(key, out SignedUsageReport? kept) && ReferenceEquals(kept, settled))
                    {
                        _latest.Remove(key);
                    }
                }
            }
        }

        return receipts;
    }
}
