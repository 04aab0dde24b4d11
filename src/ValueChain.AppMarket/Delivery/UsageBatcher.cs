namespace ValueChain.AppMarket;

/// <summary>
/// Collects devices' signed usage reports and hands them to the ledger in as few settlements as the batch limit allows.
/// Usage is cumulative, so of one device's reports for one app only the one with the highest counter needs settling:
/// it pays everything the earlier ones would have (which, settled after it, would pay nothing as replays).
/// </summary>
public sealed class UsageBatcher
{
    private readonly Dictionary<(string DeviceId, string AppId), SignedUsageReport> _latest = [];

    /// <summary>How many reports are waiting (one per device and app).</summary>
    public int Pending => _latest.Count;

    /// <summary>Adds a report; an older one of the same device and app is dropped, as it adds nothing.</summary>
    public void Add(SignedUsageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        (string, string) key = (report.Report.DeviceId, report.Report.AppId);
        if (!_latest.TryGetValue(key, out SignedUsageReport? kept) || report.Report.Counter > kept.Report.Counter)
        {
            _latest[key] = report;
        }
    }

    /// <summary>Settles every waiting report, <paramref name="batchSize"/> per transaction (<see cref="AppMarketOptions.MaxReportsPerSettlement"/>), and returns the receipts.</summary>
    public async Task<IReadOnlyList<AppMarketReceipt>> SettleAsync(IAppMarketContract market, ISigner relay, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var receipts = new List<AppMarketReceipt>();
        foreach (SignedUsageReport[] batch in _latest.Values.OrderBy(r => r.Report.DeviceId, StringComparer.Ordinal).ThenBy(r => r.Report.AppId, StringComparer.Ordinal).Chunk(batchSize))
        {
            receipts.Add(await market.SettleUsageAsync(relay, batch, cancellationToken));
        }

        _latest.Clear();
        return receipts;
    }
}
