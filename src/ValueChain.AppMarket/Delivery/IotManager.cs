using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ValueChain.Content;

namespace ValueChain.AppMarket;

/// <summary>
/// The IoT manager (the fog node): takes install and update requests, records them on the ledger as its technician
/// key, fetches the binary from the warehouse and verifies its length and SHA-256 against the app record the ledger
/// holds, delivers it to the device, and records the device's signed report. A binary that does not match is never
/// delivered: the refusal is recorded on the ledger. Updates of many devices run as a rollout in waves.
/// </summary>
public sealed partial class IotManager
{
    private readonly IAppMarketContract _market;
    private readonly AppWarehouse _warehouse;
    private readonly ISigner _technician;
    private readonly IDeviceChannel _channel;
    private readonly ILogger _logger;

    /// <summary>Creates the manager acting as <paramref name="technician"/> (a key the device owner authorised as a technician).</summary>
    public IotManager(IAppMarketContract market, AppWarehouse warehouse, ISigner technician, IDeviceChannel channel, ILogger<IotManager>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(technician);
        ArgumentNullException.ThrowIfNull(channel);
        _market = market;
        _warehouse = warehouse;
        _technician = technician;
        _channel = channel;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Requests an install of <paramref name="version"/> (the latest when null) and delivers it.</summary>
    /// <exception cref="ChaincodeException">The ledger refused the request (nothing was delivered).</exception>
    public async Task<DeliveryOutcome> InstallAsync(string deviceId, string appId, AppVersion? version = null, bool remote = false, CancellationToken cancellationToken = default)
    {
        await _market.RequestInstallAsync(_technician, deviceId, appId, version, remote, cancellationToken);
        return await DeliverPendingAsync(deviceId, appId, cancellationToken);
    }

    /// <summary>Requests an update to <paramref name="version"/> (the latest when null) and delivers it.</summary>
    /// <exception cref="ChaincodeException">The ledger refused the request (a downgrade, a lapsed subscription …; nothing was delivered).</exception>
    public async Task<DeliveryOutcome> UpdateAsync(string deviceId, string appId, AppVersion? version = null, bool remote = true, CancellationToken cancellationToken = default)
    {
        await _market.RequestUpdateAsync(_technician, deviceId, appId, version, remote, cancellationToken);
        return await DeliverPendingAsync(deviceId, appId, cancellationToken);
    }

    /// <summary>
    /// Removes <paramref name="appId"/> from the device: the removal goes on the ledger first (the installation becomes
    /// inactive, access and billing end, the history names the technician), then the removal order goes to the device,
    /// whose agent removes the app and answers with its signed <see cref="InstallOutcome.Removed"/> report.
    /// </summary>
    /// <exception cref="ChaincodeException">The ledger refused the removal (the app is not active on the device; nothing was sent).</exception>
    /// <exception cref="DeviceUnreachableException">
    /// The device did not answer in time; the removal is on the ledger and, over MQTT, the order waits in the device's
    /// session, so the device removes the app when it is back.
    /// </exception>
    public async Task<DeliveryOutcome> UninstallAsync(string deviceId, string appId, bool remote = true, CancellationToken cancellationToken = default)
    {
        Installation installation = await _market.GetInstallationAsync(_technician, deviceId, appId, cancellationToken)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"{appId} was never requested on device {deviceId}.");
        await _market.UninstallAsync(_technician, deviceId, appId, remote, cancellationToken);
        AppRecord app = (await _market.GetAppAsync(appId, installation.Version, cancellationToken))!;
        SignedInstallReport report = await _channel.DeliverAsync(new DeliveryOrder(deviceId, app, Remove: true), ReadOnlyMemory<byte>.Empty, cancellationToken);
        return new DeliveryOutcome(deviceId, appId, installation.Version, report.Report.Outcome, null);
    }

    /// <summary>
    /// Updates <paramref name="deviceIds"/> in waves of <paramref name="waveSize"/>, each wave in parallel; after a wave,
    /// stops when the share of failed deliveries so far is above <paramref name="failureThreshold"/> (0 to 1). A device
    /// that does not answer counts as a failed delivery (<see cref="DeliveryOutcome.Unreachable"/>) instead of ending the
    /// rollout, so the outcomes of the devices that did answer are never lost.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryOutcome>> RolloutAsync(IReadOnlyList<string> deviceIds, string appId, AppVersion version, int waveSize, double failureThreshold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deviceIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(waveSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(failureThreshold);
        var outcomes = new List<DeliveryOutcome>();
        foreach (string[] wave in deviceIds.Chunk(waveSize))
        {
            outcomes.AddRange(await Task.WhenAll(wave.Select(d => UpdateInRolloutAsync(d, appId, version, cancellationToken))));
            double failed = outcomes.Count(o => !o.Succeeded) / (double)outcomes.Count;
            if (failed > failureThreshold)
            {
                LogRolloutStopped(_logger, appId, version, outcomes.Count, deviceIds.Count, failed);
                break;
            }
        }

        return outcomes;
    }

    private async Task<DeliveryOutcome> UpdateInRolloutAsync(string deviceId, string appId, AppVersion version, CancellationToken cancellationToken)
    {
        try
        {
            return await UpdateAsync(deviceId, appId, version, remote: true, cancellationToken);
        }
        catch (DeviceUnreachableException e)
        {
            LogUnreachable(_logger, appId, version, deviceId, e.Message);
            return new DeliveryOutcome(deviceId, appId, version, null, null) { Unreachable = true };
        }
    }

    /// <summary>
    /// Delivers what the ledger says is pending on the device (an install or update a technician requested, on site or
    /// remotely): fetched and verified, delivered, and the device's report recorded; a binary that does not match is
    /// refused and the refusal recorded.
    /// </summary>
    /// <exception cref="ChaincodeException">Nothing is pending (<see cref="ErrorCodes.Conflict"/>) or the manager's key may not read the device.</exception>
    public async Task<DeliveryOutcome> DeliverPendingAsync(string deviceId, string appId, CancellationToken cancellationToken = default)
    {
        Installation installation = await _market.GetInstallationAsync(_technician, deviceId, appId, cancellationToken) is { Status: InstallationStatus.Requested or InstallationStatus.UpdateRequested } pending
            ? pending
            : throw new ChaincodeException(ErrorCodes.Conflict, $"No install or update of {appId} is pending on device {deviceId}.");
        AppVersion version = installation.PendingVersion ?? installation.Version;
        AppRecord app = (await _market.GetAppAsync(appId, version, cancellationToken))!;
        byte[] binary;
        try
        {
            binary = await _warehouse.FetchVerifiedAsync(app.Binary, cancellationToken);
        }
        catch (Exception e) when (e is BinaryMismatchException or ContentCorruptedException or ContentNotFoundException)
        {
            string reason = e is BinaryMismatchException mismatch ? mismatch.Reason : e.Message;
            LogRefused(_logger, appId, version, deviceId, reason);
            await _market.RecordDeliveryRefusalAsync(_technician, deviceId, appId, version, Shorten(reason), cancellationToken);
            return new DeliveryOutcome(deviceId, appId, version, null, reason);
        }

        SignedInstallReport report = await _channel.DeliverAsync(new DeliveryOrder(deviceId, app), binary, cancellationToken);
        await _market.ReportInstallAsync(_technician, report, cancellationToken);
        return new DeliveryOutcome(deviceId, appId, version, report.Report.Outcome, null);
    }

    // The ledger keeps a reason of at most 200 bytes.
    private static string Shorten(string reason) => reason.Length <= 190 ? reason : reason[..190] + "…";

    [LoggerMessage(1, LogLevel.Warning, "Rollout of {AppId} {Version} stopped after {Done} of {Total} devices: {Failed:P0} failed.")]
    private static partial void LogRolloutStopped(ILogger logger, string appId, AppVersion version, int done, int total, double failed);

    [LoggerMessage(2, LogLevel.Warning, "Refused to deliver {AppId} {Version} to {DeviceId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string appId, AppVersion version, string deviceId, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Rollout of {AppId} {Version}: device {DeviceId} did not answer and counts as failed: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string appId, AppVersion version, string deviceId, string reason);
}
