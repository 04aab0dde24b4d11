using System.Text.Json;

namespace ValueChain.AppMarket;

/// <summary>
/// The device side of a delivery, independent of transport: checks the order (the device's own id, a record the
/// ledger holds, no older version than the one it runs), verifies the binary itself against the app record, writes it
/// into a staging directory it owns, runs the health check, then commits (the staged version becomes current) or rolls
/// back (the version it ran stays), and signs the report with the device's key and its next report counter, which it
/// keeps on disk so that a restart never reuses one. A removal order removes the app. The order under way is journalled:
/// after a restart in the middle of an install (a crash, a kill, a power cut) the same order rolls back what was half
/// done and reports <see cref="InstallOutcome.RolledBack"/>; an order finished before the restart gets the report it had.
/// Also signs cumulative usage reports.
/// </summary>
public sealed class DeviceAgent : IDisposable
{
    private readonly ISigner _key;
    private readonly DeviceReportDomain _domain;
    private readonly Func<string, AppRecord, CancellationToken, Task<bool>> _healthCheck;
    private readonly Func<string, AppVersion, CancellationToken, Task<AppRecord?>>? _ledger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly string _stateFile;

    /// <summary>Creates the agent of <paramref name="deviceId"/> over <paramref name="directory"/>, which it owns.</summary>
    /// <param name="deviceId">The device's id on the ledger.</param>
    /// <param name="key">The device's key (registered on the ledger).</param>
    /// <param name="domain">The marketplace's report domain.</param>
    /// <param name="directory">Where apps are installed: <c>apps/&lt;appId&gt;/&lt;version&gt;</c>, staging and the agent's state.</param>
    /// <param name="healthCheck">Runs the installed app from its directory and says whether it is healthy; null accepts every install.</param>
    /// <param name="ledger">
    /// Reads an app version from the ledger as the device sees it (for example <see cref="IAppMarketContract.GetAppAsync"/>):
    /// an order whose record the ledger does not hold, or holds otherwise, is refused. Null trusts the record the
    /// order carries (the binary is still verified against it).
    /// </param>
    public DeviceAgent(
        string deviceId,
        ISigner key,
        DeviceReportDomain domain,
        string directory,
        Func<string, AppRecord, CancellationToken, Task<bool>>? healthCheck = null,
        Func<string, AppVersion, CancellationToken, Task<AppRecord?>>? ledger = null)
    {
        AppMarketRules.RequireId(deviceId, nameof(deviceId));
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        DeviceId = deviceId;
        _key = key;
        _domain = domain;
        Directory = System.IO.Directory.CreateDirectory(directory).FullName;
        _healthCheck = healthCheck ?? ((_, _, _) => Task.FromResult(true));
        _ledger = ledger;
        _stateFile = Path.Combine(Directory, "agent-state.json");
    }

    /// <summary>The device's id.</summary>
    public string DeviceId { get; }

    /// <summary>The directory the agent owns.</summary>
    public string Directory { get; }

    /// <summary>The directory installs are staged in before they are committed; empty between orders.</summary>
    public string StagingDirectory => Path.Combine(Directory, "staging");

    /// <summary>The version of <paramref name="appId"/> the device runs, or null.</summary>
    public AppVersion? Running(string appId) => Load().Running.TryGetValue(appId, out string? v) ? AppVersion.Parse(v) : null;

    /// <summary>The directory of the running version of <paramref name="appId"/>, or null.</summary>
    public string? CurrentDirectory(string appId) => Running(appId) is { } v ? AppDirectory(appId, v) : null;

    /// <summary>Carries out <paramref name="order"/> with <paramref name="binary"/> (empty for a removal) and returns the signed report.</summary>
    /// <exception cref="ArgumentException">The order is for another device.</exception>
    public async Task<SignedInstallReport> HandleAsync(DeliveryOrder order, ReadOnlyMemory<byte> binary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.DeviceId != DeviceId)
        {
            throw new ArgumentException($"The order is for device {order.DeviceId}, not {DeviceId}.", nameof(order));
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            AgentState state = Load();
            AppRecord app = order.App;
            if (state.InFlight is { } earlier && (earlier.Report is null || earlier.OrderId == order.OrderId))
            {
                if (earlier.OrderId == order.OrderId && earlier.Report is { } kept)
                {
                    return new SignedInstallReport(kept.Report, RecoverableSignature.Parse(kept.Signature));
                }

                // The agent stopped in the middle of an order: an install is undone, so that the device runs what it
                // ran; a removal is finished (removing again is harmless).
                RollBackInterrupted(state, earlier);
                if (earlier.OrderId == order.OrderId)
                {
                    InstallOutcome recovered = earlier.Remove ? Remove(state, earlier.AppId) : InstallOutcome.RolledBack;
                    return await FinishAsync(state, earlier, recovered, cancellationToken);
                }
            }

            InFlightOrder current = new(order.OrderId ?? Guid.NewGuid().ToString("N"), app.AppId, app.Version, order.Remove, null);
            state.InFlight = current;
            Save(state);
            InstallOutcome outcome = order.Remove ? Remove(state, app.AppId) : await InstallAsync(state, app, binary, cancellationToken);
            return await FinishAsync(state, current, outcome, cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Signs the cumulative usage of <paramref name="appId"/> with the next report counter.</summary>
    public async Task<SignedUsageReport> ReportUsageAsync(string appId, ulong cumulativeUnits, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            AgentState state = Load();
            state.Counter++;

            // The counter is saved before the report leaves, so that a crash after signing never reuses it.
            Save(state);
            return await new UsageReport(DeviceId, appId, cumulativeUnits, state.Counter).SignAsync(_key, _domain, cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    // Signs the order's report with the next counter and keeps it with the state in one write: the version running,
    // the counter and the report are on disk together, or none of them is.
    private async Task<SignedInstallReport> FinishAsync(AgentState state, InFlightOrder order, InstallOutcome outcome, CancellationToken cancellationToken)
    {
        state.Counter++;
        SignedInstallReport report = await new InstallReport(DeviceId, order.AppId, order.Version, outcome, state.Counter).SignAsync(_key, _domain, cancellationToken);
        state.InFlight = order with { Report = new InstallReportArgs(report.Report, report.Signature.ToString()) };
        Save(state);
        return report;
    }

    private void RollBackInterrupted(AgentState state, InFlightOrder order)
    {
        DeleteDirectory(Path.Combine(StagingDirectory, order.AppId));
        if (!order.Remove && (!state.Running.TryGetValue(order.AppId, out string? running) || running != order.Version.ToString()))
        {
            // A commit the state does not name yet: the version's directory goes, the running one stays.
            DeleteDirectory(AppDirectory(order.AppId, order.Version));
        }

        state.InFlight = null;
    }

    private InstallOutcome Remove(AgentState state, string appId)
    {
        // Removing what is not there leaves the device as ordered: removed.
        DeleteDirectory(Path.Combine(StagingDirectory, appId));
        DeleteDirectory(Path.Combine(Directory, "apps", appId));
        state.Running.Remove(appId);
        return InstallOutcome.Removed;
    }

    private async Task<InstallOutcome> InstallAsync(AgentState state, AppRecord app, ReadOnlyMemory<byte> binary, CancellationToken cancellationToken)
    {
        // TUF's rule: never go back to (or re-run) a version older than or equal to the one running.
        if (state.Running.TryGetValue(app.AppId, out string? running) && app.Version <= AppVersion.Parse(running))
        {
            return InstallOutcome.Failed;
        }

        // The ledger, not the manager, says which records exist: one it does not hold (or holds otherwise) is refused.
        if (_ledger is not null && (await _ledger(app.AppId, app.Version, cancellationToken) is not { } held || !SameTarget(held, app)))
        {
            return InstallOutcome.Failed;
        }

        // Verified again here: the manager and the transport are not trusted with the bytes.
        if (BinaryVerifier.Mismatch(app.Binary, binary.Span) is not null)
        {
            return InstallOutcome.Failed;
        }

        string staging = Path.Combine(StagingDirectory, app.AppId);
        DeleteDirectory(staging);
        System.IO.Directory.CreateDirectory(staging);
        await File.WriteAllBytesAsync(Path.Combine(staging, "app.bin"), binary.ToArray(), cancellationToken);
        if (!await _healthCheck(staging, app, cancellationToken))
        {
            DeleteDirectory(staging);
            return InstallOutcome.RolledBack;
        }

        // Commit: the staged directory becomes the version's directory; the state names it as running when the
        // report is kept (FinishAsync), so a crash in between rolls the commit back.
        string target = AppDirectory(app.AppId, app.Version);
        DeleteDirectory(target);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        System.IO.Directory.Move(staging, target);
        state.Running[app.AppId] = app.Version.ToString();
        return InstallOutcome.Installed;
    }

    // What a device checks a binary against, as a TUF target: the same app, version, developer and binary.
    private static bool SameTarget(AppRecord held, AppRecord ordered) =>
        held.AppId == ordered.AppId && held.Version == ordered.Version && held.Developer == ordered.Developer && held.Binary == ordered.Binary;

    private string AppDirectory(string appId, AppVersion version) => Path.Combine(Directory, "apps", appId, version.ToString());

    private static void DeleteDirectory(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    private AgentState Load() =>
        File.Exists(_stateFile) ? JsonSerializer.Deserialize(File.ReadAllBytes(_stateFile), AgentStateJsonContext.Default.AgentState)! : new AgentState();

    private void Save(AgentState state)
    {
        string temp = _stateFile + ".tmp";
        using (FileStream file = new(temp, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(file, state, AgentStateJsonContext.Default.AgentState);

            // On disk before the rename, so that a power cut leaves the old state or the new one, never a torn file.
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, _stateFile, overwrite: true);
    }
}
