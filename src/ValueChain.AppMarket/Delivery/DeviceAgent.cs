using System.Text.Json;

namespace ValueChain.AppMarket;

/// <summary>
/// The device side of a delivery, independent of transport: checks the order (the device's own id, no older version
/// than the one it runs), verifies the binary itself against the app record, writes it into a staging directory it
/// owns, runs the health check, then commits (the staged version becomes current) or rolls back (the version it ran
/// stays), and signs the report with the device's key and its next report counter, which it keeps on disk so that a
/// restart never reuses one. Also signs cumulative usage reports.
/// </summary>
public sealed class DeviceAgent : IDisposable
{
    private readonly ISigner _key;
    private readonly DeviceReportDomain _domain;
    private readonly Func<string, AppRecord, CancellationToken, Task<bool>> _healthCheck;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly string _stateFile;

    /// <summary>Creates the agent of <paramref name="deviceId"/> over <paramref name="directory"/>, which it owns.</summary>
    /// <param name="deviceId">The device's id on the ledger.</param>
    /// <param name="key">The device's key (registered on the ledger).</param>
    /// <param name="domain">The marketplace's report domain.</param>
    /// <param name="directory">Where apps are installed: <c>apps/&lt;appId&gt;/&lt;version&gt;</c>, staging and the agent's state.</param>
    /// <param name="healthCheck">Runs the installed app from its directory and says whether it is healthy; null accepts every install.</param>
    public DeviceAgent(string deviceId, ISigner key, DeviceReportDomain domain, string directory, Func<string, AppRecord, CancellationToken, Task<bool>>? healthCheck = null)
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
        _stateFile = Path.Combine(Directory, "agent-state.json");
    }

    /// <summary>The device's id.</summary>
    public string DeviceId { get; }

    /// <summary>The directory the agent owns.</summary>
    public string Directory { get; }

    /// <summary>The version of <paramref name="appId"/> the device runs, or null.</summary>
    public AppVersion? Running(string appId) => Load().Running.TryGetValue(appId, out string? v) ? AppVersion.Parse(v) : null;

    /// <summary>The directory of the running version of <paramref name="appId"/>, or null.</summary>
    public string? CurrentDirectory(string appId) => Running(appId) is { } v ? AppDirectory(appId, v) : null;

    /// <summary>Carries out <paramref name="order"/> with <paramref name="binary"/> and returns the signed report.</summary>
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
            AppRecord app = order.App;
            AgentState state = Load();
            InstallOutcome outcome = await InstallAsync(state, app, binary, cancellationToken);
            return await SignAsync(state, counter => new InstallReport(DeviceId, app.AppId, app.Version, outcome, counter).SignAsync(_key, _domain, cancellationToken));
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
            return await SignAsync(Load(), counter => new UsageReport(DeviceId, appId, cumulativeUnits, counter).SignAsync(_key, _domain, cancellationToken));
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<InstallOutcome> InstallAsync(AgentState state, AppRecord app, ReadOnlyMemory<byte> binary, CancellationToken cancellationToken)
    {
        // TUF's rule: never go back to (or re-run) a version older than or equal to the one running.
        if (state.Running.TryGetValue(app.AppId, out string? running) && app.Version <= AppVersion.Parse(running))
        {
            return InstallOutcome.Failed;
        }

        // Verified again here: the manager and the transport are not trusted with the bytes.
        if (BinaryVerifier.Mismatch(app.Binary, binary.Span) is not null)
        {
            return InstallOutcome.Failed;
        }

        string staging = Path.Combine(Directory, "staging", app.AppId);
        if (System.IO.Directory.Exists(staging))
        {
            System.IO.Directory.Delete(staging, recursive: true);
        }

        System.IO.Directory.CreateDirectory(staging);
        await File.WriteAllBytesAsync(Path.Combine(staging, "app.bin"), binary.ToArray(), cancellationToken);
        if (!await _healthCheck(staging, app, cancellationToken))
        {
            System.IO.Directory.Delete(staging, recursive: true);
            return InstallOutcome.RolledBack;
        }

        // Commit: the staged directory becomes the version's directory, then the state names it as running.
        string target = AppDirectory(app.AppId, app.Version);
        if (System.IO.Directory.Exists(target))
        {
            System.IO.Directory.Delete(target, recursive: true);
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        System.IO.Directory.Move(staging, target);
        state.Running[app.AppId] = app.Version.ToString();
        Save(state);
        return InstallOutcome.Installed;
    }

    private async Task<T> SignAsync<T>(AgentState state, Func<ulong, Task<T>> sign)
    {
        // The counter is saved before the report leaves, so that a crash after signing never reuses it.
        state.Counter++;
        Save(state);
        return await sign(state.Counter);
    }

    private string AppDirectory(string appId, AppVersion version) => Path.Combine(Directory, "apps", appId, version.ToString());

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    private AgentState Load() =>
        File.Exists(_stateFile) ? JsonSerializer.Deserialize(File.ReadAllBytes(_stateFile), AgentStateJsonContext.Default.AgentState)! : new AgentState();

    private void Save(AgentState state)
    {
        string temp = _stateFile + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(state, AgentStateJsonContext.Default.AgentState));
        File.Move(temp, _stateFile, overwrite: true);
    }
}
